using System.Globalization;
using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Config.Loading;

/// <summary>
/// Dotted command-line overrides: <c>model.roi_heads.mask_head.num_conv=2</c>, <c>solver.steps=[6000,8000]</c>,
/// <c>solver.steps.1=9000</c> (a list index; the index equal to the length appends). The value is YAML (flow style);
/// a mapping value merges into the mapping it targets (<c>_delete_: true</c> replaces it). Missing keys are created,
/// so a misspelt key reaches the schema check, which names the override.
/// </summary>
public static class ConfigOverrides
{
    /// <summary>Applies each override in order to <paramref name="root"/>.</summary>
    public static void Apply(ConfigMapping root, IEnumerable<string> overrides, List<ConfigError> errors)
    {
        foreach (var text in overrides)
            ApplyOne(root, text, errors);
    }

    private static void ApplyOne(ConfigMapping root, string text, List<ConfigError> errors)
    {
        var source = new ConfigSource.CommandLine(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var segments = equals < 0 ? [] : text[..equals].Trim().Split('.');
        if (equals <= 0 || segments.Any(segment => segment.Length == 0))
        {
            errors.Add(new ConfigError(source, "", "an override is written key.path=value (for example model.roi_heads.mask_head.num_conv=2)"));
            return;
        }
        var valueErrors = new List<ConfigError>();
        var value = YamlTreeReader.Read(text[(equals + 1)..], (_, _) => source, valueErrors, source) ?? new ConfigScalar("", false, source);
        if (valueErrors.Count > 0)
        {
            errors.AddRange(valueErrors.Select(e => e with { KeyPath = text[..equals] }));
            return;
        }
        ConfigNode current = root;
        var path = "";
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            var childPath = KeyPath.Append(path, segment);
            switch (current)
            {
                case ConfigMapping mapping when last:
                    if (value is ConfigMapping overlay && mapping[segment] is ConfigMapping existing && !ConfigMerger.TakeDelete(overlay, childPath, errors))
                        ConfigMerger.MergeInto(existing, overlay, childPath, errors);
                    else
                        mapping.Set(segment, WithoutDelete(value, childPath, errors), source);
                    return;
                case ConfigMapping mapping:
                    if (mapping[segment] is not { } child)
                    {
                        child = new ConfigMapping(source);
                        mapping.Set(segment, child, source);
                    }
                    current = child;
                    break;
                case ConfigSequence sequence:
                    if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > sequence.Items.Count
                        || (!last && index == sequence.Items.Count))
                    {
                        errors.Add(new ConfigError(source, childPath,
                            $"'{path}' is a list of {sequence.Items.Count} (set at {sequence.Source}); expected an index 0..{sequence.Items.Count - (last ? 0 : 1)}"));
                        return;
                    }
                    if (!last)
                        current = sequence.Items[index];
                    else if (index == sequence.Items.Count)
                        sequence.Items.Add(WithoutDelete(value, childPath, errors));
                    else
                        sequence.Items[index] = WithoutDelete(value, childPath, errors);
                    if (last)
                        return;
                    break;
                default:
                    errors.Add(new ConfigError(source, childPath, $"cannot set a key under '{path}': it is a {current.Describe()} set at {current.Source}"));
                    return;
            }
            path = childPath;
        }
    }

    private static ConfigNode WithoutDelete(ConfigNode value, string path, List<ConfigError> errors)
    {
        if (value is ConfigMapping mapping)
            ConfigMerger.TakeDelete(mapping, path, errors);
        return value;
    }
}
