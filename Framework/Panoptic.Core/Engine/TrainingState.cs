using Panoptic.Abstractions.Engine;

namespace Panoptic.Core.Engine;

/// <summary>The trainer's <see cref="ITrainingState"/>: iteration, scalars of the latest step and evaluation, stop requests.</summary>
internal sealed class TrainingState(int maxIterations) : ITrainingState
{
    private readonly Dictionary<string, double> _scalars = new(StringComparer.Ordinal);

    public int Iteration { get; set; }

    public int MaxIterations { get; } = maxIterations;

    public IReadOnlyDictionary<string, double> Scalars => _scalars;

    /// <summary>The first reason a stop was asked for; null while none was.</summary>
    public string? StopReason { get; private set; }

    public void RequestStop(string reason) => StopReason ??= reason;

    /// <summary>Replaces the step scalars (evaluation metrics stay until the next evaluation).</summary>
    public void SetStepScalars(IEnumerable<KeyValuePair<string, double>> scalars)
    {
        foreach (var (name, value) in scalars)
            _scalars[name] = value;
    }

    public void SetEvaluation(IReadOnlyDictionary<string, double> metrics)
    {
        foreach (var (name, value) in metrics)
            _scalars[name] = value;
    }
}
