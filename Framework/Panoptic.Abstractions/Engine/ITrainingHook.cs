namespace Panoptic.Abstractions.Engine;

/// <summary>What the trainer shows hooks: where training stands and the latest scalars.</summary>
public interface ITrainingState
{
    /// <summary>The iteration being run (0-based).</summary>
    int Iteration { get; }

    /// <summary>Total iterations (<c>solver.max_iter</c>).</summary>
    int MaxIterations { get; }

    /// <summary>
    /// Latest scalar metrics by name: after a step the losses (<c>loss_*</c>, <c>total_loss</c>), <c>lr</c> and timings
    /// (<c>time</c>, <c>data_time</c>); after an evaluation also its metrics as <c>task/metric</c> (<c>segm/AP</c>).
    /// </summary>
    IReadOnlyDictionary<string, double> Scalars { get; }

    /// <summary>
    /// Asks the trainer to stop after the current iteration: it saves a checkpoint (so <c>--resume</c> continues from
    /// there), runs <see cref="ITrainingHook.AfterTrain"/> and reports <paramref name="reason"/>.
    /// </summary>
    void RequestStop(string reason);
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

    /// <summary>After a periodic or final evaluation, with its metrics as <c>task/metric</c> (also in <see cref="ITrainingState.Scalars"/>).</summary>
    void AfterEvaluation(ITrainingState state, IReadOnlyDictionary<string, double> metrics)
    {
    }

    void AfterTrain(ITrainingState state)
    {
    }
}

/// <summary>
/// A hook with state that must survive <c>--resume</c> (a patience counter, a best value): the trainer stores
/// <see cref="SaveState"/> in every checkpoint and hands it back to <see cref="LoadState"/> on resume.
/// </summary>
public interface IStatefulTrainingHook : ITrainingHook
{
    /// <summary>The hook's state as text (JSON by convention).</summary>
    string SaveState();

    /// <summary>Restores what <see cref="SaveState"/> returned.</summary>
    void LoadState(string state);
}
