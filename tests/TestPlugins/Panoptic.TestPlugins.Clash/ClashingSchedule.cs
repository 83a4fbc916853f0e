using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;

namespace Panoptic.TestPlugins.Clash;

/// <summary>Options of <see cref="ClashingSchedule"/>.</summary>
public sealed record ClashingScheduleOptions : ComponentOptions
{
    public double Level { get; init; } = 0.5;
}

/// <summary>A second "Constant" schedule, in another assembly.</summary>
[Component("Constant")]
public sealed class ClashingSchedule(ClashingScheduleOptions options, LRScheduleContext context) : ILRSchedule
{
    public int MaxIterations { get; } = context.MaxIterations;

    public double Factor(int iteration) => options.Level;
}
