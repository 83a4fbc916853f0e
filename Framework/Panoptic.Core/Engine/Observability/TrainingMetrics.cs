using Panoptic.Core.Engine.Observability.TensorBoard;

namespace Panoptic.Core.Engine.Observability;

/// <summary>
/// Where the scalars of a run go (detectron2's <c>EventWriter</c>s): every iteration to the progress display (losses
/// smoothed over <c>log_period</c> iterations); on logged iterations to <c>metrics.jsonl</c> and TensorBoard, latest
/// values, evaluation metrics included.
/// </summary>
public sealed class TrainingMetrics : IDisposable
{
    private readonly MetricsJsonl? _jsonl;
    private readonly TensorBoardWriter? _tensorboard;
    private readonly ITrainingProgress _progress;
    private readonly Dictionary<string, ScalarWindow> _smoothed = new(StringComparer.Ordinal);
    private readonly int _window;

    /// <param name="directory">Output folder; null writes no file (the ranks other than 0 of a data-parallel run).</param>
    /// <param name="resumeFrom">The iteration a run starts at: lines of <c>metrics.jsonl</c> from there on are dropped.</param>
    /// <param name="tensorboard">Write TensorBoard events.</param>
    /// <param name="window">Iterations the displayed losses are smoothed over.</param>
    /// <param name="progress">The display.</param>
    public TrainingMetrics(string? directory, int resumeFrom, bool tensorboard, int window, ITrainingProgress progress)
    {
        _jsonl = directory is null ? null : new MetricsJsonl(Path.Combine(directory, MetricsJsonl.FileName), resumeFrom);
        _tensorboard = tensorboard && directory is not null ? new TensorBoardWriter(directory) : null;
        _progress = progress;
        _window = window;
    }

    /// <summary>The TensorBoard event file, when written.</summary>
    public string? TensorBoardFile => _tensorboard?.Path;

    /// <summary>Shows one iteration; returns the snapshot shown.</summary>
    public ProgressSnapshot Show(int iteration, int maxIterations, IReadOnlyList<KeyValuePair<string, double>> losses, double total, double lr,
        IterationTimer timer, bool isLogIteration)
    {
        foreach (var (name, value) in losses.Append(new("total_loss", total)))
        {
            if (!_smoothed.TryGetValue(name, out var window))
                _smoothed[name] = window = new ScalarWindow(_window);
            window.Add(value);
        }
        var shown = _smoothed.Select(kv => new KeyValuePair<string, double>(kv.Key, kv.Value.Median())).ToList();
        var snapshot = new ProgressSnapshot(iteration, maxIterations, shown, lr, timer.IterationsPerSecond, timer.Eta(iteration, maxIterations),
            Environment.WorkingSet, isLogIteration);
        _progress.Report(snapshot);
        return snapshot;
    }

    /// <summary>Writes the scalars of a logged iteration.</summary>
    public void Write(int iteration, IReadOnlyList<KeyValuePair<string, double>> scalars)
    {
        _jsonl?.Write(iteration, scalars);
        _tensorboard?.AddScalars(iteration, scalars);
    }

    public void Dispose()
    {
        _jsonl?.Dispose();
        _tensorboard?.Dispose();
    }
}
