using Panoptic.Abstractions.Config;

namespace Panoptic.Core.Config.Tree;

/// <summary>A YAML mapping; keys keep their insertion order and the position where each key was written.</summary>
public sealed class ConfigMapping(ConfigSource source) : ConfigNode(source)
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (ConfigNode Value, ConfigSource KeySource)> _entries = new(StringComparer.Ordinal);

    /// <summary>The keys, in the order they were first set.</summary>
    public IReadOnlyList<string> Keys => _order;

    /// <summary>The entries in key order.</summary>
    public IEnumerable<KeyValuePair<string, ConfigNode>> Entries =>
        _order.Select(key => new KeyValuePair<string, ConfigNode>(key, _entries[key].Value));

    public int Count => _order.Count;

    public ConfigNode? this[string key] => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>Where the key itself was written (for "unknown key" messages).</summary>
    public ConfigSource KeySource(string key) => _entries[key].KeySource;

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    /// <summary>Sets a key, keeping its position if it exists.</summary>
    public void Set(string key, ConfigNode value, ConfigSource? keySource = null)
    {
        if (!_entries.ContainsKey(key))
            _order.Add(key);
        _entries[key] = (value, keySource ?? value.Source);
    }

    public bool Remove(string key)
    {
        if (!_entries.Remove(key))
            return false;
        _order.Remove(key);
        return true;
    }

    public override ConfigNode Clone(ConfigSource? source = null)
    {
        var copy = new ConfigMapping(source ?? Source);
        foreach (var key in _order)
        {
            var (value, keySource) = _entries[key];
            copy.Set(key, value.Clone(source), source ?? keySource);
        }
        return copy;
    }

    public override string Describe() => "mapping";
}
