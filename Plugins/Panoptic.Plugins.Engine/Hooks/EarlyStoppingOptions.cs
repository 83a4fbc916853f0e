using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Sections;

namespace Panoptic.Plugins.Engine.Hooks;

/// <summary>Options of <see cref="EarlyStopping"/> (mmengine <c>EarlyStoppingHook</c>).</summary>
public sealed record EarlyStoppingOptions : ComponentOptions
{
    /// <summary>The evaluation metric watched, <c>task/metric</c> (<c>segm/AP</c>, <c>panoptic/PQ</c>).</summary>
    [RegularExpression(@"^[^/\s]+(/[^/\s]+)+$")]
    public required string Metric { get; init; }

    /// <summary>Whether larger (<c>max</c>) or smaller (<c>min</c>) is better.</summary>
    public MetricMode Mode { get; init; } = MetricMode.Max;

    /// <summary>Evaluations without improvement before training stops.</summary>
    [Range(1, 100000)]
    public int Patience { get; init; } = 5;

    /// <summary>An improvement smaller than this does not count.</summary>
    [Range(0.0, double.MaxValue)]
    public double MinDelta { get; init; }
}
