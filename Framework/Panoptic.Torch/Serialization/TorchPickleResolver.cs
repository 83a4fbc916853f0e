using Panoptic.Torch.Serialization.Pickle;

namespace Panoptic.Torch.Serialization;

/// <summary>
/// The allow-list for <c>torch.save</c> pickles. Globals: <c>collections.OrderedDict</c>, <c>builtins.set</c> /
/// <c>frozenset</c>, <c>_codecs.encode</c> and <c>builtins.bytes</c> (how protocols 0-2 pickle <c>bytes</c>), <c>torch.Size</c>, the
/// <c>torch._utils._rebuild_tensor[_v2]</c> / <c>_rebuild_parameter[_with_state]</c> rebuild functions and the
/// <c>torch.*Storage</c> types; anything else is refused by name. Persistent ids
/// <c>('storage', type, key, location, numel)</c> become one <see cref="PickleStorage"/> per key, and rebuilt
/// tensors are collected (their data is read afterwards, see <see cref="CheckpointTensorLoader"/>).
/// </summary>
internal sealed class TorchPickleResolver : IPickleResolver
{
    private static readonly HashSet<string> Callables =
    [
        "collections.OrderedDict", "builtins.set", "builtins.bytes", "builtins.frozenset", "_codecs.encode", "torch.Size",
        "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2",
        "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
    ];

    private readonly Dictionary<string, PickleStorage> _storages = new(StringComparer.Ordinal);
    private readonly List<PickleTensor> _tensors = [];

    /// <summary>Tensors rebuilt so far, in pickle order.</summary>
    public IReadOnlyList<PickleTensor> Tensors => _tensors;

    public PickleValue ResolveGlobal(string module, string name)
    {
        // Python 3 writes protocol-2 pickles with Python 2 module names (fix_imports).
        if (module == "__builtin__") module = "builtins";
        if (Callables.Contains($"{module}.{name}") || TorchStorageTypes.TryGetDType(module, name, out _))
            return new PickleGlobal(module, name);
        throw new PickleException(
            $"global '{module}.{name}' is not allowed (only OrderedDict, set, bytes, torch.Size, tensors, parameters and " +
            $"storages are rebuilt; storage types: {TorchStorageTypes.Supported})");
    }

    public PickleValue Call(PickleValue callable, PickleTuple args)
    {
        var fn = callable as PickleGlobal ?? throw new PickleException($"cannot call a {callable.TypeName}");
        var a = args.Items;
        return fn.FullName switch
        {
            "collections.OrderedDict" => NewOrderedDict(a),
            "builtins.set" or "builtins.frozenset" => new PickleSet(a.Count == 0 ? [] : Sequence(a[0], "set items"), fn.Name == "frozenset"),
            "_codecs.encode" => EncodeBytes(a),
            "builtins.bytes" when a.Count == 0 => new PickleBytes([]),
            "torch.Size" => new PickleTuple(a.Count == 0 ? [] : Sequence(a[0], "torch.Size dims")),
            "torch._utils._rebuild_tensor" => RebuildTensor(a, 4),
            "torch._utils._rebuild_tensor_v2" => RebuildTensor(a, 6),
            "torch._utils._rebuild_parameter" or "torch._utils._rebuild_parameter_with_state" => RebuildParameter(a),
            _ => throw new PickleException($"{fn.FullName} cannot be called here"),
        };
    }

    public PickleValue NewObject(PickleValue cls, PickleTuple args) =>
        cls is PickleGlobal { FullName: "collections.OrderedDict" or "builtins.set" or "builtins.frozenset" }
            ? Call(cls, args)
            : throw new PickleException($"cannot create an instance of {PickleValue.Describe(cls, 60)}");

    public void Build(PickleValue target, PickleValue state)
    {
        // state is a __dict__ or a (__dict__, slot state) pair.
        var (dict, slots) = state is PickleTuple { Items.Count: 2 } pair ? (pair.Items[0], pair.Items[1]) : (state, PickleNone.Instance);
        foreach (var part in new[] { dict, slots })
        {
            if (part.IsNone) continue;
            if (part is not PickleDict attributes) throw new PickleException($"BUILD state is a {part.TypeName}, not a dict");
            if (attributes.Count == 0) continue;
            if (target is not PickleDict owner) throw new PickleException($"cannot set attributes on a {target.TypeName}");
            foreach (var (key, value) in attributes.Entries)
                owner.SetAttribute(key is PickleString s ? s.Value : throw new PickleException("attribute name is not a str"), value);
        }
    }

    public PickleValue PersistentLoad(PickleValue id)
    {
        if (id is not PickleTuple { Items.Count: 5 } t || Text(t.Items[0]) != "storage")
            throw new PickleException($"persistent id {PickleValue.Describe(id, 80)} is not ('storage', type, key, location, numel)");
        var type = t.Items[1] as PickleGlobal;
        if (type is null || !TorchStorageTypes.TryGetDType(type.Module, type.Name, out var dtype))
            throw new PickleException($"persistent id names storage type {PickleValue.Describe(t.Items[1], 60)} (supported: {TorchStorageTypes.Supported})");
        var key = Text(t.Items[2]) ?? throw new PickleException("storage key is not a string");
        var location = Text(t.Items[3]) ?? throw new PickleException("storage location is not a string");
        var numel = t.Items[4] is PickleInt { Value: >= 0 } n ? n.Value : throw new PickleException("storage numel is not a non-negative int");
        if (_storages.TryGetValue(key, out var known))
        {
            if (known.DType != dtype || known.Numel != numel)
                throw new PickleException($"storage '{key}' is named as {dtype.Name()}[{numel}] and as {known.DType.Name()}[{known.Numel}]");
            return known;
        }
        var storage = new PickleStorage(key, dtype, location, numel);
        _storages.Add(key, storage);
        return storage;
    }

    private static PickleDict NewOrderedDict(IReadOnlyList<PickleValue> args)
    {
        var dict = new PickleDict(isOrdered: true);
        if (args.Count == 0) return dict;
        foreach (var pair in Sequence(args[0], "OrderedDict items"))
        {
            var kv = Sequence(pair, "OrderedDict item");
            if (kv.Count != 2) throw new PickleException("OrderedDict item is not a (key, value) pair");
            dict.Set(kv[0], kv[1]);
        }
        return dict;
    }

    private static PickleBytes EncodeBytes(IReadOnlyList<PickleValue> args)
    {
        if (args is not [PickleString text, PickleString { Value: "latin1" or "latin-1" }])
            throw new PickleException("_codecs.encode is only allowed as encode(str, 'latin1') (protocol-2 bytes)");
        return new PickleBytes(System.Text.Encoding.Latin1.GetBytes(text.Value));
    }

    private PickleTensor RebuildTensor(IReadOnlyList<PickleValue> a, int arity)
    {
        // _rebuild_tensor(storage, offset, size, stride); _v2 adds requires_grad, backward_hooks[, metadata].
        if (a.Count < arity || a.Count > arity + 1)
            throw new PickleException($"tensor rebuild takes {arity} arguments, got {a.Count}");
        var storage = a[0] as PickleStorage ?? throw new PickleException($"tensor storage is a {a[0].TypeName}, not a storage");
        var offset = a[1] is PickleInt { Value: >= 0 } o ? o.Value : throw new PickleException("storage offset is not a non-negative int");
        var size = Dims(a[2], "size");
        var stride = Dims(a[3], "stride");
        if (size.Length != stride.Length)
            throw new PickleException($"tensor size has {size.Length} dims but stride has {stride.Length}");
        var requiresGrad = arity == 6 && a[4] is PickleBool { Value: true };
        var tensor = new PickleTensor(storage, offset, size, stride, requiresGrad);
        _tensors.Add(tensor);
        return tensor;
    }

    private static PickleTensor RebuildParameter(IReadOnlyList<PickleValue> a)
    {
        if (a.Count < 3 || a[0] is not PickleTensor data)
            throw new PickleException("parameter rebuild needs (tensor, requires_grad, backward_hooks)");
        data.RequiresGrad = a[1] is PickleBool { Value: true };
        data.IsParameter = true;
        return data;
    }

    private static long[] Dims(PickleValue value, string what) =>
        Sequence(value, $"tensor {what}")
            .Select(d => d is PickleInt { Value: >= 0 } i ? i.Value : throw new PickleException($"tensor {what} entry {d} is not a non-negative int"))
            .ToArray();

    private static IReadOnlyList<PickleValue> Sequence(PickleValue value, string what) => value switch
    {
        PickleTuple t => t.Items,
        PickleList l => l.Items,
        _ => throw new PickleException($"{what} is a {value.TypeName}, not a tuple or list"),
    };

    /// <summary>A str, or ASCII bytes (Python 2 era persistent ids).</summary>
    private static string? Text(PickleValue value) => value switch
    {
        PickleString s => s.Value,
        PickleBytes b => System.Text.Encoding.ASCII.GetString(b.Value.Span),
        _ => null,
    };
}
