using Panoptic.Abstractions.Engine;

namespace Panoptic.Core.Tests.Engine.Support;

/// <summary>Records the scalars after every step and every evaluation, and what the hooks were called for.</summary>
internal sealed class RecordingHook : ITrainingHook
{
    public List<(int Iteration, Dictionary<string, double> Scalars)> Steps { get; } = [];

    public List<(int Iteration, IReadOnlyDictionary<string, double> Metrics)> Evaluations { get; } = [];

    public List<string> Calls { get; } = [];

    /// <summary>Stops training after this iteration; null never.</summary>
    public int? StopAfter { get; init; }

    public void BeforeTrain(ITrainingState state) => Calls.Add("before_train");

    public void AfterStep(ITrainingState state)
    {
        Steps.Add((state.Iteration, state.Scalars.ToDictionary()));
        if (state.Iteration == StopAfter)
            state.RequestStop("test asked to stop");
    }

    public void AfterEvaluation(ITrainingState state, IReadOnlyDictionary<string, double> metrics) => Evaluations.Add((state.Iteration, metrics));

    public void AfterTrain(ITrainingState state) => Calls.Add("after_train");

    /// <summary>Each step's losses, by name.</summary>
    public List<double[]> Losses(params string[] names) => Steps.Select(s => names.Select(n => s.Scalars[n]).ToArray()).ToList();
}
