using System.Diagnostics.CodeAnalysis;

namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>
/// A Python <c>dict</c> or <c>collections.OrderedDict</c>, in insertion order, with lookup by key (strings, ints,
/// tuples...). Attributes set on the object by pickle's BUILD (a state dict's <c>_metadata</c>) are kept apart in
/// <see cref="Attributes"/>.
/// </summary>
public sealed class PickleDict : PickleValue
{
    private readonly List<KeyValuePair<PickleValue, PickleValue>> _entries = [];
    private readonly Dictionary<PickleValue, int> _index = [];
    private readonly Dictionary<string, PickleValue> _attributes = new(StringComparer.Ordinal);

    internal PickleDict(bool isOrdered = false) => IsOrdered = isOrdered;

    /// <summary>Whether this was a <c>collections.OrderedDict</c> (plain dicts keep order too).</summary>
    public bool IsOrdered { get; }

    public int Count => _entries.Count;

    /// <summary>Entries in insertion order.</summary>
    public IReadOnlyList<KeyValuePair<PickleValue, PickleValue>> Entries => _entries;

    public IEnumerable<PickleValue> Keys => _entries.Select(e => e.Key);

    /// <summary>Instance attributes from BUILD (e.g. <c>_metadata</c> of a <c>state_dict()</c>).</summary>
    public IReadOnlyDictionary<string, PickleValue> Attributes => _attributes;

    /// <summary>The value under the string key <paramref name="key"/>; the error lists the keys present.</summary>
    public new PickleValue this[string key] => TryGetValue(key, out var v)
        ? v
        : throw new KeyNotFoundException($"pickled {TypeName} has no key '{key}' (keys: {KeyPreview()})");

    public bool ContainsKey(string key) => _index.ContainsKey(new PickleString(key));

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out PickleValue value) =>
        TryGetValue(new PickleString(key), out value);

    public bool TryGetValue(PickleValue key, [MaybeNullWhen(false)] out PickleValue value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _entries[i].Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Python's <c>d[key] = value</c>: replaces in place, or appends a new key.</summary>
    internal void Set(PickleValue key, PickleValue value)
    {
        if (_index.TryGetValue(key, out var i)) _entries[i] = new(_entries[i].Key, value);
        else
        {
            _index.Add(key, _entries.Count);
            _entries.Add(new(key, value));
        }
    }

    internal void SetAttribute(string name, PickleValue value) => _attributes[name] = value;

    /// <summary>Up to <paramref name="max"/> keys, rendered, for messages.</summary>
    public string KeyPreview(int max = 10) =>
        string.Join(", ", _entries.Take(max).Select(e => e.Key is PickleString s ? s.Value : e.Key.ToString())) +
        (Count > max ? $", ... ({Count} in all)" : "");

    public override string TypeName => IsOrdered ? "OrderedDict" : "dict";

    public override IEnumerable<PickleValue> Children =>
        _entries.SelectMany(e => new[] { e.Key, e.Value }).Concat(_attributes.Values);
}
