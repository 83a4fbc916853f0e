using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Engine.Checkpointing;

namespace Panoptic.Core.Engine.Evaluation;

/// <summary>
/// Follows <c>test.best_metric</c> across evaluations (detectron2 <c>BestCheckpointer</c>): the first value is the best
/// so far, later ones replace it only when strictly better in <c>test.best_mode</c>; NaN never improves.
/// </summary>
/// <param name="metric">The metric's name, <c>task/metric</c>.</param>
/// <param name="mode">Which direction is better.</param>
/// <param name="source">Where <c>test.best_metric</c> was set, for the error when the evaluation has no such metric.</param>
public sealed class BestMetricTracker(string metric, MetricMode mode, ConfigSource? source = null)
{
    public string Metric { get; } = metric;

    public MetricMode Mode { get; } = mode;

    /// <summary>The best so far (restored from a checkpoint on resume).</summary>
    public BestMetricState? Best { get; set; }

    /// <summary>Whether the evaluation at <paramref name="iteration"/> is the best so far (and records it).</summary>
    /// <exception cref="ConfigException">The evaluation has no such metric (the message lists those it has).</exception>
    public bool Offer(IReadOnlyDictionary<string, double> metrics, int iteration)
    {
        if (!metrics.TryGetValue(Metric, out var value))
        {
            throw new ConfigException(new ConfigError(source ?? new ConfigSource.Default(nameof(TestSection)), "test.best_metric",
                $"'{Metric}' is not among the evaluation's metrics; valid: {string.Join(", ", metrics.Keys)}"));
        }
        if (double.IsNaN(value))
            return false;
        var better = Best is not { } best || (Mode == MetricMode.Max ? value > best.Value : value < best.Value);
        if (better)
            Best = new BestMetricState(Metric, value, iteration);
        return better;
    }
}
