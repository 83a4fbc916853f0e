using Panoptic.Abstractions.Modeling.Segmentation;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.PanopticFPN.Fusion;

/// <summary>
/// A fusion component over one of the <see cref="FusionRules"/>: it reads the instance fields
/// (<see cref="FusionInstances.From"/>) and applies its rule with its thresholds and category mapping.
/// </summary>
public abstract class RuleFusion : Module, IPanopticFusion
{
    /// <param name="thresholds">The rule's thresholds.</param>
    /// <param name="categories">Contiguous classes → dataset ids; null keeps contiguous ids.</param>
    protected RuleFusion(FusionThresholds thresholds, PanopticCategories? categories)
    {
        (Thresholds, Categories) = (thresholds, categories ?? PanopticCategories.Identity);
    }

    public FusionThresholds Thresholds { get; }

    public PanopticCategories Categories { get; }

    public PanopticResult Combine(Instances instances, Tensor semanticLabels)
    {
        using var inputs = FusionInstances.From(instances, semanticLabels.Size(0), semanticLabels.Size(1));
        return Apply(inputs, semanticLabels);
    }

    /// <summary>The rule: (R, H, W) masks, scores, classes and (H, W) labels → (H, W) int32 ids + segments.</summary>
    protected abstract PanopticResult Apply(FusionInstances instances, Tensor semanticLabels);
}
