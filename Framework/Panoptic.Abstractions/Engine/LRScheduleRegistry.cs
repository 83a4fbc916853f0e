using Panoptic.Abstractions.Components;

namespace Panoptic.Abstractions.Engine;

/// <summary>What an LR schedule is built with besides its options: the solver's shared schedule settings.</summary>
/// <param name="MaxIterations">Length of training (<c>solver.max_iter</c>).</param>
/// <param name="Steps">Iterations where step schedules decay (<c>solver.steps</c>).</param>
/// <param name="Gamma">Decay factor per step (<c>solver.gamma</c>).</param>
/// <param name="WarmupFactor">Factor at iteration 0 (<c>solver.warmup_factor</c>).</param>
/// <param name="WarmupIterations">Length of the warm-up (<c>solver.warmup_iters</c>).</param>
/// <param name="WarmupMethod">Warm-up shape (<c>solver.warmup_method</c>).</param>
public sealed record LRScheduleContext(
    int MaxIterations, IReadOnlyList<int> Steps, double Gamma, double WarmupFactor, int WarmupIterations, WarmupMethod WarmupMethod)
{
    /// <summary>Factor annealing schedules end at: <c>solver.base_lr_end / solver.base_lr</c> (detectron2 <c>WarmupCosineLR</c>).</summary>
    public double EndFactor { get; init; }
}

/// <summary>
/// Registry of <see cref="ILRSchedule"/> components (detectron2 <c>build_lr_scheduler</c>).
/// Options constructor: <c>(TOptions options, LRScheduleContext context, …services)</c>.
/// </summary>
[ComponentKind("lr_schedule", "LR schedule")]
public sealed class LRScheduleRegistry(IComponentCatalog catalog) : ComponentRegistry<ILRSchedule, LRScheduleContext>(catalog);
