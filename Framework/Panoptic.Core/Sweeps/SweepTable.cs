namespace Panoptic.Core.Sweeps;

/// <summary>Mean and sample standard deviation (n − 1; 0 for one value) of a metric over a variant's finished seeds.</summary>
public sealed record MetricSummary(double Mean, double Std, int Count)
{
    /// <summary>Summarises the values (NaN values included: a NaN makes the mean NaN).</summary>
    public static MetricSummary Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return new MetricSummary(double.NaN, double.NaN, 0);
        var mean = values.Average();
        var std = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new MetricSummary(mean, std, values.Count);
    }
}

/// <summary>One variant: the seeds it finished and each metric's summary (null: no finished run has the metric).</summary>
public sealed record SweepRow(string Variant, IReadOnlyList<int> Seeds, IReadOnlyList<MetricSummary?> Metrics);

/// <summary>The result table of a sweep: one row per variant in plan order, one column per metric.</summary>
public sealed record SweepTable(string Title, string BaseConfig, IReadOnlyList<string> Metrics, IReadOnlyList<int> Seeds, IReadOnlyList<SweepRow> Rows)
{
    /// <summary>
    /// Gathers every finished run of <paramref name="plan"/> from its result file (so runs finished by earlier invocations
    /// count) into a table of <paramref name="metrics"/> (null: <see cref="SweepMetrics.Choose"/>).
    /// </summary>
    public static SweepTable Build(SweepPlan plan, IReadOnlyList<string>? metrics)
    {
        var results = plan.Runs.Select(r => (Run: r, Result: RunResult.TryRead(r.ResultPath))).ToList();
        var columns = SweepMetrics.Choose(metrics, results.Where(r => r.Result is not null).Select(r => r.Result!).ToList());
        var rows = new List<SweepRow>();
        foreach (var variant in plan.Definition.Variants)
        {
            var finished = results.Where(r => r.Run.Variant == variant && r.Result is not null).OrderBy(r => r.Run.Seed).ToList();
            var summaries = columns.Select(metric =>
            {
                var values = finished.Select(r => SweepMetrics.Lookup(r.Result!.Metrics, metric)).Where(v => v is not null).Select(v => v!.Value).ToList();
                return values.Count == 0 ? null : MetricSummary.Of(values);
            }).ToList();
            rows.Add(new SweepRow(variant.Name, finished.Select(r => r.Run.Seed).ToList(), summaries));
        }
        return new SweepTable(plan.Definition.Title, plan.BaseConfig, columns, plan.Seeds, rows);
    }
}
