using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Panoptic.Torch.Serialization;

/// <summary>
/// Named tensors in file order with lookup by name (a loaded state dict), plus the file's string metadata.
/// Owns its tensors: <see cref="Dispose"/> disposes them all (tensors are also attached to the dispose scope that
/// was open when they were loaded).
/// </summary>
public sealed class TensorDictionary :
    IReadOnlyDictionary<string, Tensor>, IReadOnlyList<KeyValuePair<string, Tensor>>, IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    private readonly List<KeyValuePair<string, Tensor>> _entries = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Takes ownership of <paramref name="tensors"/> (names must be unique) in the given order.</summary>
    public TensorDictionary(IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        foreach (var (name, tensor) in tensors)
        {
            if (!_index.TryAdd(name, _entries.Count))
                throw new ArgumentException($"duplicate tensor name '{name}'", nameof(tensors));
            _entries.Add(new(name, tensor));
        }
        Metadata = metadata ?? NoMetadata;
    }

    /// <summary>String metadata stored with the tensors (safetensors <c>__metadata__</c>); empty when there is none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Number of tensors.</summary>
    public int Count => _entries.Count;

    /// <summary>Names in file order.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    /// <summary>Tensors in file order.</summary>
    public IEnumerable<Tensor> Values => _entries.Select(e => e.Value);

    /// <summary>The tensor called <paramref name="name"/>; the error lists near names when it is missing.</summary>
    public Tensor this[string name] => TryGetValue(name, out var t)
        ? t
        : throw new KeyNotFoundException($"no tensor named '{name}' (have {Count}: {Preview()})");

    /// <summary>The <paramref name="index"/>-th entry in file order.</summary>
    public KeyValuePair<string, Tensor> this[int index] => _entries[index];

    /// <summary>Whether a tensor is called <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <summary>The tensor called <paramref name="key"/>, if any.</summary>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Tensor value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _entries[i].Value;
            return true;
        }
        value = null;
        return false;
    }

    /// <summary>Entries in file order.</summary>
    public IEnumerator<KeyValuePair<string, Tensor>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Disposes every tensor.</summary>
    public void Dispose()
    {
        foreach (var (_, tensor) in _entries) tensor.Dispose();
    }

    private string Preview() =>
        string.Join(", ", _entries.Take(8).Select(e => e.Key)) + (Count > 8 ? ", ..." : "");
}
