using Panoptic.Torch.NN;

namespace Panoptic.Torch.Optim;

/// <summary>
/// Parameters sharing optimisation settings (<c>param_groups</c> in torch.optim). Null settings take the optimizer's
/// defaults; <see cref="LearningRate"/> is what schedules change.
/// </summary>
public sealed class ParamGroup(IEnumerable<Parameter> parameters)
{
    public IReadOnlyList<Parameter> Parameters { get; } = parameters.ToList();

    public double? LearningRate { get; set; }

    public double? WeightDecay { get; set; }

    /// <summary>A name for logs and checkpoints (e.g. "no_decay").</summary>
    public string Name { get; init; } = "default";
}
