using System.Globalization;
using System.Numerics;
using System.Text;

namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>
/// A pickle virtual machine for protocols 0-5 that builds <see cref="PickleValue"/>s. It never imports or runs
/// anything: globals, calls, BUILD and persistent ids go to an <see cref="IPickleResolver"/> allow-list. Errors
/// name the file, the pickle stream, the opcode and its byte offset.
/// </summary>
internal sealed class Unpickler
{
    private const int HighestProtocol = 5;

    private readonly PickleReader _reader;
    private readonly IPickleResolver _resolver;
    private readonly string _filePath;
    private readonly string _streamName;
    private readonly List<PickleValue> _stack = [];
    private readonly Stack<int> _marks = new();
    private readonly Dictionary<long, PickleValue> _memo = [];

    public Unpickler(byte[] data, IPickleResolver resolver, string filePath, string streamName)
    {
        _reader = new PickleReader(data);
        _resolver = resolver;
        _filePath = filePath;
        _streamName = streamName;
    }

    /// <summary>Runs the pickle to its STOP and returns the value it produced.</summary>
    public PickleValue Load()
    {
        while (true)
        {
            var offset = _reader.Position;
            if (_reader.AtEnd)
                throw new CheckpointFormatException(_filePath, $"{_streamName} ends at byte {offset} without a STOP opcode (truncated?)");
            var code = _reader.ReadByte();
            var opcode = (PickleOpcode)code;
            try
            {
                if (opcode == PickleOpcode.Stop) return Pop();
                Execute(opcode);
            }
            catch (PickleException e)
            {
                var name = Enum.IsDefined(opcode) ? opcode.ToString().ToUpperInvariant() : $"0x{code:x2}";
                throw new CheckpointFormatException(_filePath, $"{e.Message} (opcode {name} at byte {offset} of {_streamName})");
            }
        }
    }

    private void Execute(PickleOpcode opcode)
    {
        switch (opcode)
        {
            case PickleOpcode.Proto:
                var protocol = _reader.ReadByte();
                if (protocol > HighestProtocol) throw new PickleException($"unsupported pickle protocol {protocol}");
                break;
            case PickleOpcode.Frame: _reader.ReadUInt64(); break;
            case PickleOpcode.Mark: _marks.Push(_stack.Count); break;
            case PickleOpcode.Pop:
                if (_stack.Count > CurrentMark) Pop();
                else PopMark();
                break;
            case PickleOpcode.PopMark: PopToMark(); break;
            case PickleOpcode.Dup: Push(Peek()); break;

            case PickleOpcode.None: Push(PickleNone.Instance); break;
            case PickleOpcode.NewTrue: Push(PickleBool.True); break;
            case PickleOpcode.NewFalse: Push(PickleBool.False); break;
            case PickleOpcode.Int: Push(ParseIntLine(_reader.ReadLine())); break;
            case PickleOpcode.BinInt: Push(new PickleInt(_reader.ReadInt32())); break;
            case PickleOpcode.BinInt1: Push(new PickleInt(_reader.ReadByte())); break;
            case PickleOpcode.BinInt2: Push(new PickleInt(_reader.ReadUInt16())); break;
            case PickleOpcode.Long: Push(new PickleInt(ParseLong(_reader.ReadLine().TrimEnd('L')))); break;
            case PickleOpcode.Long1: Push(DecodeLong(_reader.ReadByte())); break;
            case PickleOpcode.Long4: Push(DecodeLong(_reader.ReadInt32())); break;
            case PickleOpcode.Float: Push(new PickleFloat(ParseFloat(_reader.ReadLine()))); break;
            case PickleOpcode.BinFloat: Push(new PickleFloat(_reader.ReadBigEndianDouble())); break;

            case PickleOpcode.String: Push(new PickleString(PythonLiteral.Unquote(_reader.ReadLine()))); break;
            case PickleOpcode.BinString: Push(Latin1(_reader.ReadInt32())); break;
            case PickleOpcode.ShortBinString: Push(Latin1(_reader.ReadByte())); break;
            case PickleOpcode.Unicode: Push(new PickleString(PythonLiteral.DecodeRawUnicodeEscape(_reader.ReadLine()))); break;
            case PickleOpcode.BinUnicode: Push(Utf8(_reader.ReadUInt32())); break;
            case PickleOpcode.ShortBinUnicode: Push(Utf8(_reader.ReadByte())); break;
            case PickleOpcode.BinUnicode8: Push(Utf8(CheckedLength(_reader.ReadUInt64()))); break;
            case PickleOpcode.BinBytes: Push(Bytes(_reader.ReadUInt32())); break;
            case PickleOpcode.ShortBinBytes: Push(Bytes(_reader.ReadByte())); break;
            case PickleOpcode.BinBytes8:
            case PickleOpcode.ByteArray8: Push(Bytes(CheckedLength(_reader.ReadUInt64()))); break;

            case PickleOpcode.EmptyTuple: Push(PickleTuple.Empty); break;
            case PickleOpcode.Tuple: Push(new PickleTuple(PopToMark())); break;
            case PickleOpcode.Tuple1: Push(new PickleTuple(PopMany(1))); break;
            case PickleOpcode.Tuple2: Push(new PickleTuple(PopMany(2))); break;
            case PickleOpcode.Tuple3: Push(new PickleTuple(PopMany(3))); break;
            case PickleOpcode.EmptyList: Push(new PickleList([])); break;
            case PickleOpcode.List: Push(new PickleList(PopToMark())); break;
            case PickleOpcode.Append: AppendTo(PopMany(1)); break;
            case PickleOpcode.Appends: AppendTo(PopToMark()); break;
            case PickleOpcode.EmptyDict: Push(new PickleDict()); break;
            case PickleOpcode.Dict: Push(FillDict(new PickleDict(), PopToMark())); break;
            case PickleOpcode.SetItem: FillDict(PeekAs<PickleDict>("SETITEM target", 2), PopMany(2)); break;
            case PickleOpcode.SetItems: SetItems(PopToMark()); break;
            case PickleOpcode.EmptySet: Push(new PickleSet([], frozen: false)); break;
            case PickleOpcode.AddItems: AddItems(PopToMark()); break;
            case PickleOpcode.FrozenSet: Push(new PickleSet(PopToMark(), frozen: true)); break;

            case PickleOpcode.Global: Push(_resolver.ResolveGlobal(_reader.ReadLine(), _reader.ReadLine())); break;
            case PickleOpcode.StackGlobal:
                var globalName = PopAs<PickleString>("STACK_GLOBAL name").Value;
                Push(_resolver.ResolveGlobal(PopAs<PickleString>("STACK_GLOBAL module").Value, globalName));
                break;
            case PickleOpcode.Reduce:
                var reduceArgs = PopAs<PickleTuple>("REDUCE arguments");
                Push(_resolver.Call(Pop(), reduceArgs));
                break;
            case PickleOpcode.NewObj:
                var newArgs = PopAs<PickleTuple>("NEWOBJ arguments");
                Push(_resolver.NewObject(Pop(), newArgs));
                break;
            case PickleOpcode.NewObjEx: NewObjectEx(); break;
            case PickleOpcode.Inst:
                var cls = _resolver.ResolveGlobal(_reader.ReadLine(), _reader.ReadLine());
                Push(_resolver.Call(cls, new PickleTuple(PopToMark())));
                break;
            case PickleOpcode.Obj:
                var objItems = PopToMark();
                if (objItems.Count == 0) throw new PickleException("OBJ without a class");
                Push(_resolver.Call(objItems[0], new PickleTuple(objItems.Skip(1).ToList())));
                break;
            case PickleOpcode.Build:
                var state = Pop();
                _resolver.Build(Peek(), state);
                break;
            case PickleOpcode.PersId: Push(_resolver.PersistentLoad(new PickleString(_reader.ReadLine()))); break;
            case PickleOpcode.BinPersId: Push(_resolver.PersistentLoad(Pop())); break;

            case PickleOpcode.Put: _memo[ParseLong(_reader.ReadLine())] = Peek(); break;
            case PickleOpcode.BinPut: _memo[_reader.ReadByte()] = Peek(); break;
            case PickleOpcode.LongBinPut: _memo[_reader.ReadUInt32()] = Peek(); break;
            case PickleOpcode.Memoize: _memo[_memo.Count] = Peek(); break;
            case PickleOpcode.Get: Push(Recall(ParseLong(_reader.ReadLine()))); break;
            case PickleOpcode.BinGet: Push(Recall(_reader.ReadByte())); break;
            case PickleOpcode.LongBinGet: Push(Recall(_reader.ReadUInt32())); break;

            case PickleOpcode.Ext1:
            case PickleOpcode.Ext2:
            case PickleOpcode.Ext4:
                throw new PickleException("copyreg extension codes are not supported");
            case PickleOpcode.NextBuffer:
                throw new PickleException("out-of-band buffers (protocol 5) are not supported");
            case PickleOpcode.ReadOnlyBuffer: break;
            default:
                throw new PickleException($"unknown pickle opcode 0x{(byte)opcode:x2}");
        }
    }

    // ---- stack ----

    private int CurrentMark => _marks.Count > 0 ? _marks.Peek() : 0;

    private void Push(PickleValue value) => _stack.Add(value);

    private PickleValue Peek(int depth = 1)
    {
        if (_stack.Count - depth < CurrentMark) throw new PickleException("stack underflow");
        return _stack[^depth];
    }

    private T PeekAs<T>(string role, int depth) where T : PickleValue =>
        Peek(depth + 1) as T ?? throw new PickleException($"{role} is a {Peek(depth + 1).TypeName}, expected {typeof(T).Name}");

    private PickleValue Pop()
    {
        var value = Peek();
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private T PopAs<T>(string role) where T : PickleValue
    {
        var value = Pop();
        return value as T ?? throw new PickleException($"{role} is a {value.TypeName} ({PickleValue.Describe(value, 60)}), expected {typeof(T).Name}");
    }

    private List<PickleValue> PopMany(int count)
    {
        if (_stack.Count - count < CurrentMark) throw new PickleException("stack underflow");
        var items = _stack.GetRange(_stack.Count - count, count);
        _stack.RemoveRange(_stack.Count - count, count);
        return items;
    }

    private int PopMark() => _marks.Count > 0 ? _marks.Pop() : throw new PickleException("no MARK on the stack");

    private List<PickleValue> PopToMark()
    {
        var mark = PopMark();
        var items = _stack.GetRange(mark, _stack.Count - mark);
        _stack.RemoveRange(mark, _stack.Count - mark);
        return items;
    }

    private PickleValue Recall(long index) =>
        _memo.TryGetValue(index, out var value) ? value : throw new PickleException($"memo has no entry {index}");

    // ---- containers ----

    private void AppendTo(List<PickleValue> items)
    {
        var list = Peek() as PickleList ?? throw new PickleException($"APPEND target is a {Peek().TypeName}, not a list");
        foreach (var item in items) list.Add(item);
    }

    private static PickleDict FillDict(PickleDict dict, List<PickleValue> keysAndValues)
    {
        if (keysAndValues.Count % 2 != 0) throw new PickleException("odd number of items for a dict");
        for (var i = 0; i < keysAndValues.Count; i += 2) dict.Set(keysAndValues[i], keysAndValues[i + 1]);
        return dict;
    }

    private void SetItems(List<PickleValue> keysAndValues)
    {
        var dict = Peek() as PickleDict ?? throw new PickleException($"SETITEMS target is a {Peek().TypeName}, not a dict");
        FillDict(dict, keysAndValues);
    }

    private void AddItems(List<PickleValue> items)
    {
        var set = Peek() as PickleSet ?? throw new PickleException($"ADDITEMS target is a {Peek().TypeName}, not a set");
        foreach (var item in items) set.Add(item);
    }

    private void NewObjectEx()
    {
        var kwargs = PopAs<PickleDict>("NEWOBJ_EX keyword arguments");
        var args = PopAs<PickleTuple>("NEWOBJ_EX arguments");
        if (kwargs.Count > 0) throw new PickleException("NEWOBJ_EX with keyword arguments is not supported");
        Push(_resolver.NewObject(Pop(), args));
    }

    // ---- scalars ----

    private static PickleValue ParseIntLine(string text) => text switch
    {
        "00" => PickleBool.False,
        "01" => PickleBool.True,
        _ => new PickleInt(ParseLong(text)),
    };

    private static long ParseLong(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new PickleException($"'{text}' is not a 64-bit integer");

    /// <summary>FLOAT's <c>repr(float)</c> text, including Python's <c>inf</c>, <c>-inf</c> and <c>nan</c>.</summary>
    private static double ParseFloat(string text) => text switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "-nan" => double.NaN,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => throw new PickleException($"'{text}' is not a float"),
    };

    /// <summary>LONG1/LONG4: a little-endian two's-complement integer of <paramref name="length"/> bytes.</summary>
    private PickleInt DecodeLong(long length)
    {
        var bytes = _reader.Take(length);
        var value = new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
        if (value < long.MinValue || value > long.MaxValue)
            throw new PickleException($"integer {value} does not fit in 64 bits");
        return new PickleInt((long)value);
    }

    private static long CheckedLength(ulong length) =>
        length <= int.MaxValue ? (long)length : throw new PickleException($"{length}-byte field is too large");

    private PickleString Latin1(long length) => new(Encoding.Latin1.GetString(_reader.Take(length)));

    private PickleString Utf8(long length) => new(Encoding.UTF8.GetString(_reader.Take(length)));

    private PickleBytes Bytes(long length) => new(_reader.Take(length).ToArray());
}
