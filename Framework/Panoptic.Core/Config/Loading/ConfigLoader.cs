using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Text;
using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Config.Loading;

/// <summary>The merged, overridden (still untyped) tree of a config file and the files it was made of.</summary>
/// <param name="Root">The top-level mapping; every node carries its source.</param>
/// <param name="Files">The YAML files read, the requested one first, then its bases in load order.</param>
public sealed record LoadedConfig(ConfigMapping Root, IReadOnlyList<string> Files);

/// <summary>
/// Loads a YAML config: <c>_base_</c> (one path or a list, relative to the file) is loaded first, later bases merge
/// over earlier ones, and the file merges over its bases (<see cref="ConfigMerger"/>); then command-line overrides
/// apply (<see cref="ConfigOverrides"/>). Cycles, missing files, YAML syntax and misspelt reserved keys are errors.
/// </summary>
public static class ConfigLoader
{
    public const string BaseKey = "_base_";

    private static readonly string[] ReservedKeys = [BaseKey, ConfigMerger.DeleteKey];

    /// <summary>Loads <paramref name="path"/> with its bases and applies <paramref name="overrides"/> (<c>key.path=value</c>).</summary>
    /// <exception cref="ConfigException">Every problem found, with file:line:column.</exception>
    public static LoadedConfig Load(string path, IEnumerable<string>? overrides = null)
    {
        var errors = new List<ConfigError>();
        var files = new List<string>();
        var full = Path.GetFullPath(path);
        var root = File.Exists(full)
            ? LoadFile(full, [], files, errors)
            : Fail(errors, new ConfigError(new ConfigSource.CommandLine(path), "", $"config file not found: {full}"));
        if (errors.Count == 0)
            ConfigOverrides.Apply(root, overrides ?? [], errors);
        if (errors.Count > 0)
            throw new ConfigException(errors);
        return new LoadedConfig(root, files);
    }

    /// <summary>Parses YAML text (no <c>_base_</c> resolution); positions refer to <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">Syntax errors.</exception>
    public static ConfigMapping Parse(string yaml, string path)
    {
        var errors = new List<ConfigError>();
        var root = ReadMapping(yaml, Path.GetFullPath(path), errors);
        if (errors.Count > 0)
            throw new ConfigException(errors);
        return root;
    }

    private static ConfigMapping Fail(List<ConfigError> errors, ConfigError error)
    {
        errors.Add(error);
        return new ConfigMapping(error.Source);
    }

    private static ConfigMapping LoadFile(string full, List<string> chain, List<string> files, List<ConfigError> errors)
    {
        files.Add(full);
        var root = ReadMapping(File.ReadAllText(full), full, errors);
        CheckReservedKeys(root, "", errors);
        var merged = new ConfigMapping(root.Source);
        if (root[BaseKey] is { } bases)
        {
            foreach (var (basePath, source) in BasePaths(bases, errors))
            {
                var baseFull = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, basePath));
                if (chain.Contains(baseFull) || baseFull == full)
                {
                    var cycle = string.Join(" → ", chain.Append(full).Append(baseFull).Select(ConfigSource.DisplayPath));
                    errors.Add(new ConfigError(source, BaseKey, $"cycle in _base_: {cycle}"));
                    continue;
                }
                if (!File.Exists(baseFull))
                {
                    errors.Add(new ConfigError(source, BaseKey, $"base config '{basePath}' not found (looked for {baseFull})"));
                    continue;
                }
                var baseRoot = LoadFile(baseFull, [.. chain, full], files, errors);
                ConfigMerger.MergeInto(merged, baseRoot, "", errors);
            }
            root.Remove(BaseKey);
        }
        if (ConfigMerger.TakeDelete(root, "", errors))
            merged = new ConfigMapping(root.Source);
        ConfigMerger.MergeInto(merged, root, "", errors);
        return merged;
    }

    private static ConfigMapping ReadMapping(string yaml, string full, List<ConfigError> errors)
    {
        var fileSource = new ConfigSource.File(full, 1, 1);
        var node = YamlTreeReader.Read(yaml, (line, column) => new ConfigSource.File(full, line, column), errors, fileSource);
        switch (node)
        {
            case null:
                return new ConfigMapping(fileSource);
            case ConfigMapping mapping:
                return mapping;
            case ConfigScalar scalar when scalar.IsNull:
                return new ConfigMapping(fileSource);
            default:
                errors.Add(new ConfigError(node.Source, "", $"a config file must hold a mapping at the top, not a {node.Describe()}"));
                return new ConfigMapping(fileSource);
        }
    }

    private static IEnumerable<(string Path, ConfigSource Source)> BasePaths(ConfigNode bases, List<ConfigError> errors)
    {
        var items = bases is ConfigSequence sequence ? sequence.Items : [bases];
        foreach (var item in items)
        {
            if (item is ConfigScalar { IsNull: false } scalar)
                yield return (scalar.Text, scalar.Source);
            else
                errors.Add(new ConfigError(item.Source, BaseKey, $"expected a path or a list of paths, got {item.Describe()}"));
        }
    }

    /// <summary>Keys of the form <c>_x_</c> are reserved: only <c>_base_</c> (at the top) and <c>_delete_</c> exist.</summary>
    private static void CheckReservedKeys(ConfigNode node, string path, List<ConfigError> errors)
    {
        if (node is ConfigSequence sequence)
        {
            for (var i = 0; i < sequence.Items.Count; i++)
                CheckReservedKeys(sequence.Items[i], KeyPath.Append(path, i), errors);
        }
        if (node is not ConfigMapping mapping)
            return;
        foreach (var (key, value) in mapping.Entries)
        {
            var keyPath = KeyPath.Append(path, key);
            var reserved = key.Length > 1 && key.StartsWith('_') && key.EndsWith('_');
            if (reserved && !ReservedKeys.Contains(key))
                errors.Add(new ConfigError(mapping.KeySource(key), keyPath, $"unknown reserved key (reserved keys: _base_, _delete_){NameSuggestions.DidYouMean(key, ReservedKeys)}"));
            else if (key == BaseKey && path.Length > 0)
                errors.Add(new ConfigError(mapping.KeySource(key), keyPath, "_base_ is only allowed at the top of a file"));
            CheckReservedKeys(value, keyPath, errors);
        }
    }
}
