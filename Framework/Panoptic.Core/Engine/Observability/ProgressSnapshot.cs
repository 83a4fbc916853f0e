namespace Panoptic.Core.Engine.Observability;

/// <summary>Where training stands after an iteration, for progress displays.</summary>
/// <param name="Iteration">The iteration just completed (0-based).</param>
/// <param name="MaxIterations">Total iterations.</param>
/// <param name="Losses">Each loss and <c>total_loss</c>, as medians over the last <c>runtime.log_period</c> iterations.</param>
/// <param name="LearningRate">The logged learning rate.</param>
/// <param name="IterationsPerSecond">From the median iteration time.</param>
/// <param name="Eta">Time to <paramref name="MaxIterations"/> at that speed; null before it is known.</param>
/// <param name="MemoryBytes">The process's resident memory.</param>
/// <param name="IsLogIteration">True on iterations that are logged (every <c>runtime.log_period</c> and the last).</param>
public sealed record ProgressSnapshot(
    int Iteration, int MaxIterations, IReadOnlyList<KeyValuePair<string, double>> Losses, double LearningRate,
    double IterationsPerSecond, TimeSpan? Eta, long MemoryBytes, bool IsLogIteration)
{
    /// <summary>One line: <c>iter 20/90000  eta 1:02:03  total_loss 1.234  loss_cls 0.5  lr 0.02  3.10 it/s  mem 812M</c>.</summary>
    public string Describe()
    {
        var losses = string.Join("  ", Losses.Select(kv => $"{kv.Key} {kv.Value:0.####}"));
        var eta = Eta is { } e ? $"eta {(int)e.TotalHours}:{e.Minutes:00}:{e.Seconds:00}  " : "";
        return $"iter {Iteration + 1}/{MaxIterations}  {eta}{losses}  lr {LearningRate:G4}  {IterationsPerSecond:0.00} it/s  mem {MemoryBytes / (1024 * 1024)}M";
    }
}
