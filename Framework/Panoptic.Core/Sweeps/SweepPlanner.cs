using System.Globalization;
using System.Text;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Text;

namespace Panoptic.Core.Sweeps;

/// <summary>
/// Turns a sweep file and the command line into runs, after resolving every variant's config with the config system's
/// validation — nothing is launched when any variant is invalid. Errors name the sweep file position of the offending
/// key, the variant and, for a key the base config does not have, the nearest keys it has.
/// </summary>
public static class SweepPlanner
{
    /// <exception cref="SweepConfigException">A variant's config is invalid (every problem of every variant).</exception>
    public static SweepPlan Plan(SweepDefinition definition, SweepSettings settings, ConfigResolver resolver)
    {
        var seeds = settings.Seeds ?? definition.Seeds ?? [0];
        if (seeds.Count == 0 || seeds.Distinct().Count() != seeds.Count || seeds.Any(s => s < 0))
            throw new SweepConfigException($"seeds must be distinct non-negative integers, got [{string.Join(", ", seeds)}]");
        var output = Path.GetFullPath(settings.OutputDir);
        var problems = new List<string>();
        foreach (var variant in definition.Variants)
            problems.AddRange(Check(definition, settings, resolver, variant, seeds[0]));
        if (problems.Count > 0)
        {
            var text = new StringBuilder($"sweep file {ConfigSource.DisplayPath(definition.Path)}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")} (nothing was launched):");
            foreach (var problem in problems)
                text.Append(Environment.NewLine).Append("  ").Append(problem);
            throw new SweepConfigException(text.ToString());
        }
        var runs = (from seed in seeds
                    from variant in definition.Variants
                    select new SweepRun(variant, seed, Path.Combine(output, variant.Folder, $"seed{seed}"), Overrides(definition, settings, variant, seed)))
            .ToList();
        return new SweepPlan(definition, resolver.BaseConfig, output, seeds, runs);
    }

    private static List<string> Overrides(SweepDefinition definition, SweepSettings settings, SweepVariant variant, int seed) =>
        [.. settings.Overrides, .. definition.Common.Select(o => o.Text), .. variant.Overrides.Select(o => o.Text),
            "runtime.seed=" + seed.ToString(CultureInfo.InvariantCulture)];

    private static IEnumerable<string> Check(SweepDefinition definition, SweepSettings settings, ConfigResolver resolver, SweepVariant variant, int seed)
    {
        try
        {
            resolver.Resolve(Overrides(definition, settings, variant, seed));
            return [];
        }
        catch (ConfigException e)
        {
            var mine = definition.Common.Concat(variant.Overrides).ToList();
            return e.Errors.Select(error => Describe(error, mine, variant, resolver)).Distinct().ToList();
        }
    }

    private static string Describe(ConfigError error, List<SweepOverride> overrides, SweepVariant variant, ConfigResolver resolver)
    {
        var from = error.Source is ConfigSource.CommandLine line ? overrides.LastOrDefault(o => o.Text == line.Override) : null;
        if (from is null)
        {
            // A key inherited from the base that the variant's new component does not have: the variant switched a
            // component by name but merged into the old options.
            var switched = overrides.FirstOrDefault(o => o.Key.EndsWith(".name", StringComparison.Ordinal) && error.KeyPath.StartsWith(o.Key[..^4], StringComparison.Ordinal));
            var hint = switched is null ? "" : $" — '{switched.Key}' ({switched.Source}) switches the component but keeps the base's other keys; replace the whole mapping instead: {switched.Key[..^5]}: {{_delete_: true, name: …, …}}";
            return $"variant '{variant.Name}': {error}{hint}";
        }
        var message = $"{from.Source}: variant '{variant.Name}': key '{from.Key}'";
        if (error.KeyPath.Length > 0 && error.KeyPath != from.Key)
            message += $" ({error.KeyPath})";
        message += $": {error.Message}";
        if (!resolver.BaseKeys.Contains(from.Key))
        {
            message += $" — the base config {ConfigSource.DisplayPath(resolver.BaseConfig)} has no key '{from.Key}'";
            if (!error.Message.Contains("did you mean", StringComparison.Ordinal))
                message += NameSuggestions.DidYouMean(from.Key, resolver.BaseKeys);
        }
        return message;
    }
}
