namespace Panoptic.Core.Sweeps;

/// <summary>Which metrics a sweep table shows and how a name is found in a run's metrics.</summary>
public static class SweepMetrics
{
    /// <summary>COCO mask and box AP and panoptic PQ: each shown when some run has it.</summary>
    public static IReadOnlyList<string> Defaults { get; } = ["segm/AP", "bbox/AP", "panoptic/PQ"];

    /// <summary>
    /// The value of <paramref name="name"/>: the key itself, else the one key ending in <c>/name</c> (a run with several
    /// test datasets names metrics <c>dataset/task/metric</c>); null when absent or ambiguous.
    /// </summary>
    public static double? Lookup(IReadOnlyDictionary<string, double> metrics, string name)
    {
        if (metrics.TryGetValue(name, out var value))
            return value;
        var matches = metrics.Where(m => m.Key.EndsWith("/" + name, StringComparison.Ordinal)).ToList();
        return matches.Count == 1 ? matches[0].Value : null;
    }

    /// <summary>
    /// The columns: <paramref name="requested"/> as given; else the defaults some result has; else (no default present)
    /// up to four metrics of the first result, in name order.
    /// </summary>
    public static IReadOnlyList<string> Choose(IReadOnlyList<string>? requested, IReadOnlyList<RunResult> results)
    {
        if (requested is { Count: > 0 })
            return requested;
        var present = Defaults.Where(m => results.Any(r => Lookup(r.Metrics, m) is not null)).ToList();
        if (present.Count > 0 || results.Count == 0)
            return present.Count > 0 ? present : Defaults.Take(2).ToList();
        return results[0].Metrics.Keys.Order(StringComparer.Ordinal).Take(4).ToList();
    }
}
