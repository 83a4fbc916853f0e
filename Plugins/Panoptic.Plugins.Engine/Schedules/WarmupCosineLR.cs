using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;

namespace Panoptic.Plugins.Engine.Schedules;

/// <summary>Options of <see cref="WarmupCosineLR"/>: none; the end is <c>solver.base_lr_end</c>.</summary>
public sealed record WarmupCosineLROptions : ComponentOptions;

/// <summary>
/// Warm-up, then half a cosine from 1 to <c>base_lr_end / base_lr</c> over the whole run (detectron2
/// <c>WarmupCosineLR</c>: <c>CosineParamScheduler(1, end)</c>): <c>end + (1 − end)(1 + cos(π i / max_iter)) / 2</c>.
/// </summary>
[Component("WarmupCosineLR", Description = "Warm-up, then cosine decay to solver.base_lr_end (detectron2 WarmupCosineLR).")]
public sealed class WarmupCosineLR : WarmupSchedule
{
    public WarmupCosineLR(LRScheduleContext context) : base(context)
    {
    }

    public WarmupCosineLR(WarmupCosineLROptions options, LRScheduleContext context) : this(context)
    {
        _ = options;
    }

    protected override double AfterWarmup(int iteration)
    {
        var end = Context.EndFactor;
        return end + 0.5 * (1 - end) * (1 + Math.Cos(Math.PI * iteration / Context.MaxIterations));
    }
}
