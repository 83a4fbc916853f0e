using System.Text.RegularExpressions;
using Panoptic.Torch.NN;

namespace Panoptic.Core.Engine.Optimization;

/// <summary>
/// Which modules are normalisation layers for <c>solver.weight_decay_norm</c> (detectron2's <c>norm_module_types</c>):
/// any module whose class name ends in <c>Norm</c> or <c>Norm1d</c>/<c>2d</c>/<c>3d</c> — BatchNorm2d, GroupNorm,
/// FrozenBatchNorm2d, and a plugin's LayerNorm or SyncBatchNorm alike.
/// </summary>
public static partial class NormModules
{
    public static bool IsNorm(Module module) => NormName().IsMatch(module.GetType().Name);

    [GeneratedRegex(@"Norm([123]d)?$")]
    private static partial Regex NormName();
}
