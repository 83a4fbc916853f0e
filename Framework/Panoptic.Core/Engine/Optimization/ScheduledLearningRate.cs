using Panoptic.Abstractions.Engine;
using Panoptic.Torch.Optim;

namespace Panoptic.Core.Engine.Optimization;

/// <summary>
/// Applies a schedule to an optimizer (detectron2 <c>LRMultiplier</c>): at iteration i every group's learning rate is
/// its initial one × <c>Factor(i)</c>. The logged <c>lr</c> is that of the group with the most parameters (detectron2
/// <c>LRScheduler</c> hook's "best param group").
/// </summary>
public sealed class ScheduledLearningRate
{
    private readonly IReadOnlyList<ParamGroup> _groups;
    private readonly double[] _initial;
    private readonly int _logged;

    public ScheduledLearningRate(ILRSchedule schedule, IReadOnlyList<ParamGroup> groups)
    {
        Schedule = schedule;
        _groups = groups;
        _initial = groups.Select(g => g.LearningRate ?? throw new ArgumentException($"parameter group '{g.Name}' has no learning rate", nameof(groups))).ToArray();
        var largest = groups.Max(g => g.Parameters.Sum(p => p.Numel));
        _logged = groups.ToList().FindIndex(g => g.Parameters.Sum(p => p.Numel) == largest);
    }

    public ILRSchedule Schedule { get; }

    /// <summary>Sets every group's learning rate for <paramref name="iteration"/>; returns the logged one.</summary>
    /// <exception cref="InvalidOperationException">The schedule returned a negative or non-finite factor.</exception>
    public double Apply(int iteration)
    {
        var factor = Schedule.Factor(iteration);
        if (!double.IsFinite(factor) || factor < 0)
            throw new InvalidOperationException($"LR schedule {Schedule.GetType().Name} returned factor {factor} at iteration {iteration}; factors must be finite and ≥ 0");
        for (var i = 0; i < _groups.Count; i++)
            _groups[i].LearningRate = _initial[i] * factor;
        return _groups[_logged].LearningRate!.Value;
    }
}
