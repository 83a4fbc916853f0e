using System.Buffers.Binary;
using System.Text;

namespace Panoptic.Core.Engine.Observability.TensorBoard;

/// <summary>A scalar as TensorBoard shows it: <c>Summary.Value{tag, simple_value}</c>.</summary>
public sealed record ScalarValue(string Tag, float Value);

/// <summary>A decoded <c>tensorflow.Event</c> (only the fields written here).</summary>
public sealed record TensorBoardEvent(double WallTime, long Step, string? FileVersion, IReadOnlyList<ScalarValue> Scalars);

/// <summary>
/// Hand-written protobuf for the few fields of <c>tensorflow.Event</c> TensorBoard needs: <c>wall_time</c> (1, double),
/// <c>step</c> (2, int64), <c>file_version</c> (3, string), <c>summary</c> (5, <c>Summary</c>: <c>value</c> (1, repeated
/// <c>Value</c>: <c>tag</c> (1, string), <c>simple_value</c> (2, float))).
/// </summary>
public static class EventProto
{
    private const int WireVarint = 0;
    private const int WireFixed64 = 1;
    private const int WireLength = 2;
    private const int WireFixed32 = 5;

    /// <summary>The first event of a file: <c>file_version: "brain.Event:2"</c>.</summary>
    public static byte[] FileVersion(double wallTime)
    {
        var output = new MemoryStream();
        WriteDouble(output, 1, wallTime);
        WriteBytes(output, 3, Encoding.UTF8.GetBytes("brain.Event:2"));
        return output.ToArray();
    }

    /// <summary>An event with one summary holding <paramref name="scalars"/>.</summary>
    public static byte[] Scalars(double wallTime, long step, IEnumerable<ScalarValue> scalars)
    {
        var summary = new MemoryStream();
        Span<byte> bits = stackalloc byte[4];
        foreach (var scalar in scalars)
        {
            var value = new MemoryStream();
            WriteBytes(value, 1, Encoding.UTF8.GetBytes(scalar.Tag));
            WriteTag(value, 2, WireFixed32);
            BinaryPrimitives.WriteSingleLittleEndian(bits, scalar.Value);
            value.Write(bits);
            WriteBytes(summary, 1, value.ToArray());
        }
        var output = new MemoryStream();
        WriteDouble(output, 1, wallTime);
        WriteTag(output, 2, WireVarint);
        WriteVarint(output, unchecked((ulong)step));
        WriteBytes(output, 5, summary.ToArray());
        return output.ToArray();
    }

    /// <summary>Decodes an event written by this class (unknown fields are skipped).</summary>
    /// <exception cref="InvalidDataException">Malformed protobuf.</exception>
    public static TensorBoardEvent Parse(ReadOnlySpan<byte> data)
    {
        double wallTime = 0;
        long step = 0;
        string? version = null;
        var scalars = new List<ScalarValue>();
        var reader = new ProtoReader(data);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, WireFixed64):
                    wallTime = BitConverter.Int64BitsToDouble((long)reader.Fixed64());
                    break;
                case (2, WireVarint):
                    step = (long)reader.Varint();
                    break;
                case (3, WireLength):
                    version = Encoding.UTF8.GetString(reader.Bytes());
                    break;
                case (5, WireLength):
                    ParseSummary(reader.Bytes(), scalars);
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
        return new TensorBoardEvent(wallTime, step, version, scalars);
    }

    private static void ParseSummary(ReadOnlySpan<byte> data, List<ScalarValue> into)
    {
        var summary = new ProtoReader(data);
        while (summary.Next(out var field, out var wire))
        {
            if (field != 1 || wire != WireLength)
            {
                summary.Skip(wire);
                continue;
            }
            var value = new ProtoReader(summary.Bytes());
            string tag = "";
            float number = float.NaN;
            while (value.Next(out var f, out var w))
            {
                if (f == 1 && w == WireLength)
                    tag = Encoding.UTF8.GetString(value.Bytes());
                else if (f == 2 && w == WireFixed32)
                    number = BitConverter.Int32BitsToSingle((int)value.Fixed32());
                else
                    value.Skip(w);
            }
            into.Add(new ScalarValue(tag, number));
        }
    }

    private static void WriteDouble(Stream output, int field, double value)
    {
        WriteTag(output, field, WireFixed64);
        Span<byte> bits = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bits, value);
        output.Write(bits);
    }

    private static void WriteBytes(Stream output, int field, byte[] bytes)
    {
        WriteTag(output, field, WireLength);
        WriteVarint(output, (ulong)bytes.Length);
        output.Write(bytes);
    }

    private static void WriteTag(Stream output, int field, int wire) => WriteVarint(output, (ulong)((field << 3) | wire));

    private static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        output.WriteByte((byte)value);
    }

    /// <summary>A cursor over protobuf bytes.</summary>
    private ref struct ProtoReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public bool Next(out int field, out int wire)
        {
            if (_position >= _data.Length)
            {
                field = wire = 0;
                return false;
            }
            var tag = Varint();
            field = (int)(tag >> 3);
            wire = (int)(tag & 7);
            return true;
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Take(1)[0];
                value |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                    return value;
            }
            throw new InvalidDataException("protobuf varint longer than 10 bytes");
        }

        public ulong Fixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public uint Fixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

        public ReadOnlySpan<byte> Bytes() => Take(checked((int)Varint()));

        public void Skip(int wire)
        {
            switch (wire)
            {
                case WireVarint: Varint(); break;
                case WireFixed64: Take(8); break;
                case WireLength: Bytes(); break;
                case WireFixed32: Take(4); break;
                default: throw new InvalidDataException($"unsupported protobuf wire type {wire}");
            }
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (_position + count > _data.Length)
                throw new InvalidDataException("protobuf message ends inside a field");
            var slice = _data.Slice(_position, count);
            _position += count;
            return slice;
        }
    }
}
