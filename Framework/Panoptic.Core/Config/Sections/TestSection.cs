using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Evaluation;

namespace Panoptic.Core.Config.Sections;

/// <summary><c>test:</c> evaluation during and after training (detectron2 <c>TEST</c>).</summary>
[ConfigSection("test")]
public sealed record TestSection : ConfigOptions
{
    /// <summary>Evaluate every this many iterations; 0 evaluates only at the end.</summary>
    [Range(0, int.MaxValue)]
    public int EvalPeriod { get; init; }

    /// <summary>Evaluators; empty picks them from the test dataset's kind (COCO instances, panoptic, …).</summary>
    public IReadOnlyList<ComponentSpec<IEvaluator>> Evaluators { get; init; } = [];

    /// <summary>
    /// The metric that picks <c>model_best</c> after each evaluation, as <c>task/metric</c> (<c>segm/AP</c>,
    /// <c>panoptic/PQ</c>; with several test datasets <c>dataset/task/metric</c>); null keeps no best checkpoint
    /// (detectron2 <c>BestCheckpointer</c>).
    /// </summary>
    [RegularExpression(@"^[^/\s]+(/[^/\s]+)+$")]
    public string? BestMetric { get; init; }

    /// <summary>Whether a larger (<c>max</c>) or smaller (<c>min</c>) <see cref="BestMetric"/> is better.</summary>
    public MetricMode BestMode { get; init; } = MetricMode.Max;

    /// <summary>Metrics a run must reach, as <c>task/metric: value</c> checks (detectron2 <c>EXPECTED_RESULTS</c>).</summary>
    public IReadOnlyList<ExpectedResult> ExpectedResults { get; init; } = [];
}

/// <summary>Which direction of a metric is better.</summary>
public enum MetricMode
{
    Max,
    Min,
}

/// <summary>One expected metric of <c>test.expected_results</c>.</summary>
public sealed record ExpectedResult : ConfigOptions
{
    /// <summary>Task name, e.g. <c>segm</c>.</summary>
    public required string Task { get; init; }

    /// <summary>Metric name, e.g. <c>AP</c>.</summary>
    public required string Metric { get; init; }

    public required double Value { get; init; }

    /// <summary>Allowed absolute difference.</summary>
    [Range(0.0, double.MaxValue)]
    public double Tolerance { get; init; } = 0.02;
}
