namespace Panoptic.Core.Engine.Observability;

/// <summary>
/// Iteration times (detectron2 <c>IterationTimer</c>): a median over recent iterations gives the speed and the ETA
/// (<c>median × iterations left</c>, as detectron2's <c>CommonMetricPrinter</c>).
/// </summary>
public sealed class IterationTimer(int window)
{
    private readonly ScalarWindow _seconds = new(window);

    /// <summary>Records one iteration's duration.</summary>
    public void Add(double seconds) => _seconds.Add(seconds);

    public double IterationsPerSecond => _seconds.Count == 0 ? 0 : 1 / _seconds.Median();

    /// <summary>Time left after <paramref name="iteration"/> of <paramref name="maxIterations"/>; null before any iteration was timed.</summary>
    public TimeSpan? Eta(int iteration, int maxIterations) =>
        _seconds.Count == 0 ? null : TimeSpan.FromSeconds(_seconds.Median() * Math.Max(0, maxIterations - iteration - 1));
}
