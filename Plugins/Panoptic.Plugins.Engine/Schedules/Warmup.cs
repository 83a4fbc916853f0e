using Panoptic.Abstractions.Engine;

namespace Panoptic.Plugins.Engine.Schedules;

/// <summary>
/// Warm-up in front of a schedule, with detectron2's <c>WarmupParamScheduler</c> semantics: for iteration
/// i &lt; W = <c>warmup_iters</c>, <c>constant</c> gives <c>warmup_factor × s(0)</c> and <c>linear</c> goes from
/// <c>warmup_factor × s(0)</c> to <c>s(W)</c> as <c>start + (i / W)(end − start)</c>, so the schedule continues without a
/// jump; from W on the schedule <c>s</c> itself. For multi-step decay this is exactly the legacy
/// <c>WarmupMultiStepLR</c>'s <c>warmup_factor (1 − i/W) + i/W</c>.
/// </summary>
public static class Warmup
{
    /// <param name="context">Warm-up method, factor and length.</param>
    /// <param name="schedule">The factor after warm-up, by iteration.</param>
    /// <param name="iteration">0-based iteration.</param>
    public static double Apply(LRScheduleContext context, Func<int, double> schedule, int iteration)
    {
        var length = context.WarmupIterations;
        if (iteration >= length)
            return schedule(iteration);
        var start = context.WarmupFactor * schedule(0);
        return context.WarmupMethod switch
        {
            WarmupMethod.Constant => start,
            WarmupMethod.Linear => start + (double)iteration / length * (schedule(length) - start),
            _ => throw new ArgumentOutOfRangeException(nameof(context), context.WarmupMethod, "unknown warm-up method"),
        };
    }
}

/// <summary>A schedule with <see cref="Warmup"/> in front: subclasses give the factor after warm-up.</summary>
public abstract class WarmupSchedule(LRScheduleContext context) : ILRSchedule
{
    /// <summary>The solver's schedule settings.</summary>
    protected LRScheduleContext Context { get; } = context;

    public double Factor(int iteration) => Warmup.Apply(Context, AfterWarmup, iteration);

    /// <summary>The schedule's factor at <paramref name="iteration"/>, as if there were no warm-up.</summary>
    protected abstract double AfterWarmup(int iteration);
}
