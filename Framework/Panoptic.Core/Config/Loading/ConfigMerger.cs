using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Config.Loading;

/// <summary>
/// Deep merge of config trees (mmengine semantics): mappings merge key by key, everything else (lists, scalars)
/// is replaced; a mapping with <c>_delete_: true</c> replaces the subtree under it instead of merging.
/// </summary>
internal static class ConfigMerger
{
    public const string DeleteKey = "_delete_";

    /// <summary>Merges <paramref name="overlay"/> into <paramref name="target"/> (which it changes).</summary>
    public static void MergeInto(ConfigMapping target, ConfigMapping overlay, string path, List<ConfigError> errors)
    {
        foreach (var (key, value) in overlay.Entries)
        {
            if (key == DeleteKey)
                continue;
            var childPath = KeyPath.Append(path, key);
            if (value is ConfigMapping mapping && !TakeDelete(mapping, childPath, errors) && target[key] is ConfigMapping existing)
                MergeInto(existing, mapping, childPath, errors);
            else
                target.Set(key, Fresh(value, childPath, errors), overlay.KeySource(key));
        }
    }

    /// <summary>A node that replaces what was there: its own <c>_delete_</c> markers have nothing to delete.</summary>
    private static ConfigNode Fresh(ConfigNode node, string path, List<ConfigError> errors)
    {
        switch (node)
        {
            case ConfigMapping mapping:
                TakeDelete(mapping, path, errors);
                foreach (var (key, value) in mapping.Entries.ToList())
                    mapping.Set(key, Fresh(value, KeyPath.Append(path, key), errors), mapping.KeySource(key));
                return mapping;
            case ConfigSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                    sequence.Items[i] = Fresh(sequence.Items[i], KeyPath.Append(path, i), errors);
                return sequence;
            default:
                return node;
        }
    }

    /// <summary>Removes a <c>_delete_</c> key and says whether it was <c>true</c>.</summary>
    public static bool TakeDelete(ConfigMapping mapping, string path, List<ConfigError> errors)
    {
        if (mapping[DeleteKey] is not { } marker)
            return false;
        mapping.Remove(DeleteKey);
        if (marker is ConfigScalar scalar && scalar.AsBoolean() is { } flag)
            return flag;
        errors.Add(new ConfigError(marker.Source, KeyPath.Append(path, DeleteKey), $"expected boolean (true/false), got {marker.Describe()}"));
        return false;
    }
}
