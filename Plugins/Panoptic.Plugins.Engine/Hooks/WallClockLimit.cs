using System.Diagnostics;
using System.Globalization;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Engine;

namespace Panoptic.Plugins.Engine.Hooks;

/// <summary>
/// Stops training once this process has trained for <c>max_minutes</c> (a time-boxed job, a CI run): the trainer then
/// writes a checkpoint, and <c>--resume</c> continues exactly from it in the next job.
/// </summary>
[Component("WallClockLimit", Description = "Stop (with a checkpoint) after max_minutes of training in this process.")]
public sealed class WallClockLimit : ITrainingHook
{
    private readonly TimeSpan _limit;
    private readonly Func<TimeSpan> _elapsed;
    private Stopwatch? _clock;

    /// <param name="limit">Training time allowed.</param>
    /// <param name="elapsed">The clock (tests pass their own); null measures real time from <c>BeforeTrain</c>.</param>
    public WallClockLimit(TimeSpan limit, Func<TimeSpan>? elapsed = null)
    {
        if (limit <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "the limit must be positive");
        _limit = limit;
        _elapsed = elapsed ?? (() => _clock?.Elapsed ?? TimeSpan.Zero);
    }

    public WallClockLimit(WallClockLimitOptions options, TrainingHookContext context) : this(TimeSpan.FromMinutes(options.MaxMinutes))
    {
        _ = context;
    }

    public void BeforeTrain(ITrainingState state) => _clock = Stopwatch.StartNew();

    public void AfterStep(ITrainingState state)
    {
        if (_elapsed() >= _limit)
            state.RequestStop(string.Create(CultureInfo.InvariantCulture, $"wall-clock limit of {_limit.TotalMinutes:0.##} min reached (WallClockLimit)"));
    }
}
