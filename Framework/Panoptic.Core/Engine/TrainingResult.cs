using Panoptic.Core.Engine.Checkpointing;

namespace Panoptic.Core.Engine;

/// <summary>How a run ended.</summary>
/// <param name="StartIteration">The first iteration this process ran (0, or the one after a resumed checkpoint).</param>
/// <param name="LastIteration">The last completed iteration (−1 when none ran).</param>
/// <param name="MaxIterations">The planned length.</param>
/// <param name="StopReason">Why it ended before <paramref name="MaxIterations"/> (a hook's reason, "interrupted"); null when it completed.</param>
/// <param name="LastCheckpoint">The newest checkpoint written, if any.</param>
/// <param name="Best">The best evaluation of <c>test.best_metric</c>, when tracked.</param>
/// <param name="FinalMetrics">The last evaluation's metrics (empty without evaluation).</param>
public sealed record TrainingResult(
    int StartIteration, int LastIteration, int MaxIterations, string? StopReason, string? LastCheckpoint,
    BestMetricState? Best, IReadOnlyDictionary<string, double> FinalMetrics)
{
    public bool Completed => StopReason is null && LastIteration == MaxIterations - 1;
}
