using System.Text;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Text;
using Panoptic.Core.Config.Loading;
using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Sweeps;

/// <summary>
/// Reads a sweep file strictly. Top-level keys: <c>grid</c> (dotted key → non-empty list of values: every combination,
/// the first axis slowest) or <c>variants</c> (name → mapping of dotted key → value), exactly one of them; and
/// optionally <c>title</c>, <c>metrics</c> (list of <c>task/metric</c>), <c>seeds</c> (a count n = seeds 0..n-1, or a
/// list), <c>overrides</c> (dotted key → value, for every variant). Values are YAML of any shape. Whether each key exists
/// in the config is checked later, by <see cref="SweepPlanner"/>.
/// </summary>
public static class SweepFile
{
    public const string GridKey = "grid";
    public const string VariantsKey = "variants";
    public const string TitleKey = "title";
    public const string MetricsKey = "metrics";
    public const string SeedsKey = "seeds";
    public const string OverridesKey = "overrides";

    private static readonly string[] TopLevelKeys = [GridKey, VariantsKey, TitleKey, MetricsKey, SeedsKey, OverridesKey];

    /// <summary>Reads and checks <paramref name="path"/>.</summary>
    /// <exception cref="SweepConfigException">Every problem found, each with file:line:column.</exception>
    public static SweepDefinition Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new SweepConfigException($"sweep file not found: {full}");
        ConfigMapping root;
        try
        {
            root = ConfigLoader.Parse(File.ReadAllText(full), full);
        }
        catch (ConfigException e)
        {
            throw new SweepConfigException($"sweep file {ConfigSource.DisplayPath(full)}: {e.Message}", e);
        }
        return Read(root, full);
    }

    /// <summary>Checks a parsed sweep file (<paramref name="path"/> names it in messages).</summary>
    /// <exception cref="SweepConfigException">Every problem found.</exception>
    public static SweepDefinition Read(ConfigMapping root, string path)
    {
        var errors = new List<string>();
        foreach (var key in root.Keys.Where(k => !TopLevelKeys.Contains(k)))
            errors.Add($"{root.KeySource(key)}: unknown key '{key}' (a sweep file has {string.Join(", ", TopLevelKeys)}){NameSuggestions.DidYouMean(key, TopLevelKeys)}");
        var hasGrid = root[GridKey] is { } g && !(g is ConfigScalar { IsNull: true });
        var hasVariants = root[VariantsKey] is { } v && !(v is ConfigScalar { IsNull: true });
        if (hasGrid == hasVariants)
            errors.Add($"{root.Source}: a sweep file needs exactly one of '{GridKey}' (key → list of values) or '{VariantsKey}' (name → overrides){(hasGrid ? ", not both" : "")}");
        var variants = hasGrid ? Grid(root[GridKey]!, errors) : hasVariants ? Named(root[VariantsKey]!, errors) : [];
        var common = root[OverridesKey] is { } o ? Overrides(o, OverridesKey, errors) : [];
        var title = root[TitleKey] switch
        {
            null => System.IO.Path.GetFileNameWithoutExtension(path),
            ConfigScalar { IsNull: false } s => s.Text,
            var n => Error(errors, $"{n.Source}: {TitleKey}: expected a string, got {n.Describe()}", ""),
        };
        var metrics = root[MetricsKey] is { } m ? Metrics(m, errors) : null;
        var seeds = root[SeedsKey] is { } s2 ? Seeds(s2, errors) : null;
        if (errors.Count > 0)
        {
            var text = new StringBuilder($"sweep file {ConfigSource.DisplayPath(path)} is invalid:");
            foreach (var error in errors)
                text.Append(Environment.NewLine).Append("  ").Append(error);
            throw new SweepConfigException(text.ToString());
        }
        return new SweepDefinition(path, title, variants, common, metrics, seeds);
    }

    private static List<SweepVariant> Grid(ConfigNode node, List<string> errors)
    {
        if (node is not ConfigMapping grid || grid.Count == 0)
        {
            errors.Add($"{node.Source}: {GridKey}: expected a mapping of dotted key → list of values, got {node.Describe()}");
            return [];
        }
        var axes = new List<(string Key, ConfigSource KeySource, List<ConfigNode> Values)>();
        foreach (var (key, value) in grid.Entries)
        {
            if (!ValidKey(key, grid.KeySource(key), $"{GridKey}.{key}", errors))
                continue;
            if (value is not ConfigSequence { Items.Count: > 0 } list)
            {
                errors.Add($"{value.Source}: {GridKey}.{key}: expected a non-empty list of values, got {value.Describe()}");
                continue;
            }
            axes.Add((key, grid.KeySource(key), list.Items));
        }
        var lastSegments = axes.Select(a => a.Key[(a.Key.LastIndexOf('.') + 1)..]).ToList();
        var shortNames = lastSegments.Distinct().Count() == lastSegments.Count;
        IEnumerable<List<(int Axis, ConfigNode Value)>> combinations = [[]];
        for (var a = 0; a < axes.Count; a++)
        {
            var axis = a;
            combinations = combinations.SelectMany(c => axes[axis].Values.Select(value => new List<(int, ConfigNode)>(c) { (axis, value) })).ToList();
        }
        var variants = new List<SweepVariant>();
        foreach (var combination in axes.Count == 0 ? [] : combinations)
        {
            var overrides = combination.Select(c => new SweepOverride(axes[c.Axis].Key, FlowYaml.Write(c.Value), c.Value.Source)).ToList();
            var name = axes.Count == 1
                ? FlowYaml.Display(combination[0].Value)
                : string.Join(" ", combination.Select(c => $"{(shortNames ? lastSegments[c.Axis] : axes[c.Axis].Key)}={FlowYaml.Display(c.Value)}"));
            variants.Add(new SweepVariant(name, "", overrides));
        }
        return WithFolders(variants);
    }

    private static List<SweepVariant> Named(ConfigNode node, List<string> errors)
    {
        if (node is not ConfigMapping named || named.Count == 0)
        {
            errors.Add($"{node.Source}: {VariantsKey}: expected a mapping of variant name → mapping of dotted key → value, got {node.Describe()}");
            return [];
        }
        var variants = new List<SweepVariant>();
        foreach (var (name, value) in named.Entries)
        {
            var overrides = value is ConfigScalar { IsNull: true } ? [] : Overrides(value, $"{VariantsKey}.{name}", errors);
            variants.Add(new SweepVariant(name, "", overrides));
        }
        return WithFolders(variants);
    }

    private static List<SweepOverride> Overrides(ConfigNode node, string where, List<string> errors)
    {
        if (node is not ConfigMapping mapping)
        {
            errors.Add($"{node.Source}: {where}: expected a mapping of dotted key → value, got {node.Describe()}");
            return [];
        }
        var overrides = new List<SweepOverride>();
        foreach (var (key, value) in mapping.Entries)
        {
            if (ValidKey(key, mapping.KeySource(key), $"{where}.{key}", errors))
                overrides.Add(new SweepOverride(key, FlowYaml.Write(value), mapping.KeySource(key)));
        }
        return overrides;
    }

    private static bool ValidKey(string key, ConfigSource source, string where, List<string> errors)
    {
        if (key.Length > 0 && key.Split('.').All(s => s.Length > 0) && !key.Contains('=') && !key.Any(char.IsWhiteSpace))
            return true;
        errors.Add($"{source}: {where}: '{key}' is not a dotted config key (for example model.roi_heads.mask_head.num_conv)");
        return false;
    }

    private static List<string>? Metrics(ConfigNode node, List<string> errors)
    {
        if (node is ConfigSequence { Items.Count: > 0 } list && list.Items.All(i => i is ConfigScalar { IsNull: false }))
            return list.Items.Cast<ConfigScalar>().Select(s => s.Text).ToList();
        errors.Add($"{node.Source}: {MetricsKey}: expected a non-empty list of metric names (task/metric, e.g. segm/AP), got {node.Describe()}");
        return null;
    }

    private static List<int>? Seeds(ConfigNode node, List<string> errors)
    {
        if (node is ConfigScalar scalar && scalar.AsInteger() is { } n and > 0 and <= 1000)
            return Enumerable.Range(0, (int)n).ToList();
        if (node is ConfigSequence { Items.Count: > 0 } list && list.Items.All(i => i is ConfigScalar s && s.AsInteger() is >= 0 and <= int.MaxValue))
        {
            var seeds = list.Items.Cast<ConfigScalar>().Select(s => (int)s.AsInteger()!.Value).ToList();
            if (seeds.Distinct().Count() == seeds.Count)
                return seeds;
        }
        errors.Add($"{node.Source}: {SeedsKey}: expected a count 1..1000 (seeds 0..n-1) or a list of distinct non-negative integers, got {FlowYaml.Display(node)}");
        return null;
    }

    private static T Error<T>(List<string> errors, string message, T fallback)
    {
        errors.Add(message);
        return fallback;
    }

    /// <summary>Gives each variant a unique folder name made of its name's safe characters.</summary>
    private static List<SweepVariant> WithFolders(List<SweepVariant> variants)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<SweepVariant>();
        foreach (var variant in variants)
        {
            var slug = new string(variant.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '=' ? c : '_').ToArray()).Trim('.');
            if (slug.Length == 0)
                slug = "variant";
            if (slug.Length > 80)
                slug = slug[..80];
            var folder = slug;
            for (var i = 2; !used.Add(folder); i++)
                folder = $"{slug}_{i}";
            result.Add(variant with { Folder = folder });
        }
        return result;
    }
}
