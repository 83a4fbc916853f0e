using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;

namespace Panoptic.Plugins.Engine.Schedules;

/// <summary>Options of <see cref="WarmupMultiStepLR"/>: none; steps and gamma are <c>solver.steps</c> and <c>solver.gamma</c>.</summary>
public sealed record WarmupMultiStepLROptions : ComponentOptions;

/// <summary>
/// Warm-up, then the factor is multiplied by <c>gamma</c> at each of <c>steps</c> (detectron2 <c>WarmupMultiStepLR</c>:
/// <c>MultiStepParamScheduler</c> with values <c>gamma^k</c>): at iteration i the factor is <c>gamma^(number of steps ≤ i)</c>,
/// so the decay applies from the step iteration itself. The default schedule when <c>solver.lr_schedule</c> is null.
/// </summary>
[Component("WarmupMultiStepLR", Description = "Warm-up, then ×gamma at each of solver.steps (detectron2's default).")]
public sealed class WarmupMultiStepLR : WarmupSchedule
{
    public WarmupMultiStepLR(LRScheduleContext context) : base(context)
    {
    }

    public WarmupMultiStepLR(WarmupMultiStepLROptions options, LRScheduleContext context) : this(context)
    {
        _ = options;
    }

    protected override double AfterWarmup(int iteration) => Math.Pow(Context.Gamma, Context.Steps.Count(step => step <= iteration));
}
