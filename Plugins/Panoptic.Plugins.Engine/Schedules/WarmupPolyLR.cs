using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;

namespace Panoptic.Plugins.Engine.Schedules;

/// <summary>Options of <see cref="WarmupPolyLR"/>.</summary>
public sealed record WarmupPolyLROptions : ComponentOptions
{
    /// <summary>Exponent of the decay (DeepLab and mmengine <c>PolyLR</c> use 0.9; 1 is linear).</summary>
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double Power { get; init; } = 0.9;
}

/// <summary>
/// Warm-up, then polynomial decay to <c>base_lr_end / base_lr</c> (mmengine <c>PolyLR</c>, fvcore
/// <c>PolynomialDecayParamScheduler</c> when the end is 0): <c>end + (1 − end)(1 − i / max_iter)^power</c>.
/// </summary>
[Component("WarmupPolyLR", Description = "Warm-up, then (1 - iter/max_iter)^power decay to solver.base_lr_end.")]
public sealed class WarmupPolyLR : WarmupSchedule
{
    private readonly double _power;

    public WarmupPolyLR(LRScheduleContext context, double power = 0.9) : base(context)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(power);
        _power = power;
    }

    public WarmupPolyLR(WarmupPolyLROptions options, LRScheduleContext context) : this(context, options.Power)
    {
    }

    protected override double AfterWarmup(int iteration)
    {
        var end = Context.EndFactor;
        return end + (1 - end) * Math.Pow(1 - (double)iteration / Context.MaxIterations, _power);
    }
}
