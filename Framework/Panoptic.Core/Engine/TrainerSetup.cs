using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;
using Panoptic.Abstractions.Modeling;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Engine.Data;
using Panoptic.Core.Engine.Distributed;
using Panoptic.Core.Engine.Evaluation;
using Panoptic.Core.Engine.Observability;
using Panoptic.Torch.NN;

namespace Panoptic.Core.Engine;

/// <summary>
/// Everything a <see cref="Trainer"/> runs with. <see cref="Launch.TrainingLauncher"/> builds it from a config; tests
/// build it by hand (a tiny model, synthetic batches, a schedule, a fake evaluation).
/// </summary>
public sealed record TrainerSetup
{
    /// <summary>The model: a <see cref="Module"/> implementing <see cref="IMetaArchitecture"/>, on its device, seeded and built.</summary>
    public required Module Model { get; init; }

    /// <summary>The solver (after <see cref="Optimization.SolverScaling"/>).</summary>
    public required SolverSection Solver { get; init; }

    public required ILRSchedule Schedule { get; init; }

    /// <summary>Training batches of <c>ims_per_batch / grad_accumulation_steps</c> images.</summary>
    public required ITrainingData Data { get; init; }

    /// <summary>The run's seed (recorded in checkpoints).</summary>
    public required ulong Seed { get; init; }

    /// <summary><c>output_dir</c> (absolute), <c>log_period</c>, <c>tensorboard</c>.</summary>
    public required RuntimeSection Runtime { get; init; }

    /// <summary><c>eval_period</c>, <c>best_metric</c>, <c>best_mode</c>.</summary>
    public TestSection Test { get; init; } = new();

    /// <summary>Periodic and final evaluation; null trains without.</summary>
    public IModelEvaluation? Evaluation { get; init; }

    /// <summary>Hooks, called in order after the trainer's own work of each event.</summary>
    public IReadOnlyList<ITrainingHook> Hooks { get; init; } = [];

    public ITrainingProgress Progress { get; init; } = PlainProgress.Silent;

    /// <summary>The resolved config stored in checkpoints and compared on resume.</summary>
    public ConfigSnapshot Config { get; init; } = ConfigSnapshot.Empty;

    /// <summary>
    /// Data-parallel training: this process's rank in the job (see <c>Distributed/</c>). <see cref="Data"/> then
    /// delivers this rank's share of each batch (<c>ims_per_batch / grad_accumulation_steps / world_size</c> images),
    /// and only rank 0 writes files and shows progress. Null: one process.
    /// </summary>
    public DistributedContext? Distributed { get; init; }

    /// <summary>Where <c>test.best_metric</c> was set (for the error when the evaluation lacks it).</summary>
    public ConfigSource? BestMetricSource { get; init; }

    /// <summary>The model as the trainer calls it.</summary>
    public IMetaArchitecture Architecture =>
        Model as IMetaArchitecture ?? throw new ArgumentException($"{Model.GetType().Name} does not implement IMetaArchitecture");
}
