using Panoptic.Core.Config.Sections;
using Panoptic.Torch.NN;
using Panoptic.Torch.Optim;

namespace Panoptic.Core.Engine.Optimization;

/// <summary>
/// Parameter groups with detectron2's <c>get_default_optimizer_params</c> + <c>reduce_param_groups</c> semantics:
/// every trainable parameter (each once, in module order) gets <c>base_lr</c> and <c>weight_decay</c>; parameters of
/// normalisation modules (<see cref="NormModules"/>) get <c>weight_decay_norm</c>; parameters named <c>bias</c> then get
/// <c>base_lr × bias_lr_factor</c> and, when set, <c>weight_decay_bias</c> (so a norm's bias takes the bias settings).
/// Parameters with equal settings share one group, groups in order of first appearance; a group's name lists the
/// kinds in it (<c>default</c>, <c>norm</c>, <c>bias</c>, <c>norm_bias</c>).
/// </summary>
public static class DefaultParamGroups
{
    /// <param name="model">The model; frozen parameters (<c>requires_grad</c> false) are left out.</param>
    /// <param name="solver">Learning rate and weight-decay keys (after any scaling).</param>
    /// <exception cref="ArgumentException">The model has no trainable parameter.</exception>
    public static IReadOnlyList<ParamGroup> Build(Module model, SolverSection solver)
    {
        var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
        var groups = new List<(double Lr, double Decay, List<string> Kinds, List<Parameter> Parameters)>();
        foreach (var (_, module) in model.NamedModules())
        {
            var isNorm = NormModules.IsNorm(module);
            foreach (var (name, parameter) in module.NamedParameters(recurse: false))
            {
                if (!parameter.RequiresGrad || !seen.Add(parameter))
                    continue;
                var isBias = name == "bias";
                var lr = isBias ? solver.BaseLr * solver.BiasLrFactor : solver.BaseLr;
                var decay = isBias && solver.WeightDecayBias is { } biasDecay ? biasDecay
                    : isNorm ? solver.WeightDecayNorm
                    : solver.WeightDecay;
                var kind = (isNorm, isBias) switch
                {
                    (true, true) => "norm_bias",
                    (true, false) => "norm",
                    (false, true) => "bias",
                    _ => "default",
                };
                var index = groups.FindIndex(g => g.Lr == lr && g.Decay == decay);
                if (index < 0)
                {
                    groups.Add((lr, decay, [], []));
                    index = groups.Count - 1;
                }
                if (!groups[index].Kinds.Contains(kind))
                    groups[index].Kinds.Add(kind);
                groups[index].Parameters.Add(parameter);
            }
        }
        if (groups.Count == 0)
            throw new ArgumentException($"{model.GetType().Name} has no trainable parameters (all frozen?)", nameof(model));
        return groups.Select(g => new ParamGroup(g.Parameters)
        {
            Name = string.Join("+", g.Kinds),
            LearningRate = g.Lr,
            WeightDecay = g.Decay,
        }).ToList();
    }
}
