namespace Panoptic.Abstractions.Engine;

/// <summary>What the trainer shows hooks: where training stands and the latest scalars.</summary>
public interface ITrainingState
{
    /// <summary>The iteration being run (0-based).</summary>
    int Iteration { get; }

    /// <summary>Total iterations (<c>solver.max_iter</c>).</summary>
    int MaxIterations { get; }

    /// <summary>Latest scalar metrics by name (losses, learning rate, timings).</summary>
    IReadOnlyDictionary<string, double> Scalars { get; }
}

/// <summary>A training hook (detectron2 <c>HookBase</c>): every method is optional.</summary>
public interface ITrainingHook
{
    void BeforeTrain(ITrainingState state)
    {
    }

    void BeforeStep(ITrainingState state)
    {
    }

    void AfterStep(ITrainingState state)
    {
    }

    void AfterTrain(ITrainingState state)
    {
    }
}
