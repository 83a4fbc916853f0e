using Panoptic.Core.Config.Sections;
using Panoptic.Torch.Optim;

namespace Panoptic.Core.Engine.Optimization;

/// <summary>The optimizer <c>solver.optimizer</c> names, over parameter groups from <see cref="DefaultParamGroups"/>.</summary>
public static class OptimizerFactory
{
    public static Optimizer Create(IReadOnlyList<ParamGroup> groups, SolverSection solver) => solver.Optimizer switch
    {
        OptimizerKind.SGD => new SGD(groups, solver.BaseLr, solver.Momentum, dampening: 0, solver.WeightDecay, solver.Nesterov),
        OptimizerKind.AdamW => new AdamW(groups, solver.BaseLr, solver.Betas[0], solver.Betas[1], solver.Eps, solver.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(solver), solver.Optimizer, "unknown optimizer"),
    };
}
