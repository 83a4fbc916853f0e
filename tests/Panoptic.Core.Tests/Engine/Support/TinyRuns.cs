using Panoptic.Abstractions.Engine;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Data;
using Panoptic.Torch.NN;

namespace Panoptic.Core.Tests.Engine.Support;

/// <summary>Trainer set-ups for tiny runs in a scratch folder.</summary>
internal static class TinyRuns
{
    /// <summary>SGD with momentum and weight decay, 2 images per iteration, checkpoints every 5 iterations.</summary>
    public static SolverSection Solver(int maxIter = 10) => new()
    {
        ImsPerBatch = 2,
        BaseLr = 0.05,
        Momentum = 0.9,
        WeightDecay = 1e-3,
        MaxIter = maxIter,
        Steps = [],
        WarmupIters = 0,
        CheckpointPeriod = 5,
        CheckpointMaxToKeep = 0,
    };

    public static TrainerSetup Setup(string output, Module model, SolverSection? solver = null, ITrainingData? data = null,
        IReadOnlyList<ITrainingHook>? hooks = null, int logPeriod = 1, ILRSchedule? schedule = null)
    {
        solver ??= Solver();
        return new TrainerSetup
        {
            Model = model,
            Solver = solver,
            Schedule = schedule ?? FactorSchedule.Halving,
            Data = data ?? new SyntheticTrainingData(solver.ImsPerBatch / solver.GradAccumulationSteps),
            Seed = 7,
            Runtime = new RuntimeSection { OutputDir = output, LogPeriod = logPeriod, Tensorboard = true },
            Hooks = hooks ?? [],
        };
    }
}
