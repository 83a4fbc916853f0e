namespace Panoptic.Core.Engine.Checkpointing;

/// <summary>A key whose value differs between two configs; null stands for a key one side does not have.</summary>
public sealed record ConfigChange(string Key, string? Before, string? After)
{
    public override string ToString() => $"{Key}: {Before ?? "(absent)"} → {After ?? "(absent)"}";
}

/// <summary>The keys of a resumed run's config that differ from the config its checkpoint was written with.</summary>
public static class ConfigDifference
{
    /// <summary>Changed, added and removed keys, in the order of <paramref name="after"/> then removed ones.</summary>
    public static IReadOnlyList<ConfigChange> Compare(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changes = new List<ConfigChange>();
        foreach (var (key, value) in after)
        {
            var old = before.TryGetValue(key, out var v) ? v : null;
            if (old != value)
                changes.Add(new ConfigChange(key, old, value));
        }
        changes.AddRange(before.Where(kv => !after.ContainsKey(kv.Key)).Select(kv => new ConfigChange(kv.Key, kv.Value, null)));
        return changes;
    }
}
