using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.Segmentation;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Fusion;

/// <summary>
/// A fusion where the semantic head decides thing versus stuff per pixel and instances only divide the thing pixels
/// (<see cref="FusionRules.SemanticFirst"/>): a drop-in alternative to <see cref="HeuristicFusion"/>.
/// </summary>
[Component("SemanticFirstFusion", Description = "Semantic labels decide thing vs stuff per pixel; instances (by score, overlap rule) only split the thing pixels.")]
public sealed class SemanticFirstFusion : RuleFusion
{
    public SemanticFirstFusion(SemanticFirstFusionOptions options, PanopticFusionContext context)
        : this(options.Thresholds, PanopticCategories.From(context.Metadata))
    {
    }

    /// <summary>Builds the fusion by hand; <paramref name="categories"/> null keeps contiguous ids.</summary>
    public SemanticFirstFusion(FusionThresholds thresholds, PanopticCategories? categories = null)
        : base(thresholds, categories)
    {
    }

    protected override PanopticResult Apply(FusionInstances instances, Tensor semanticLabels) =>
        FusionRules.SemanticFirst(instances, semanticLabels, Thresholds, Categories);
}
