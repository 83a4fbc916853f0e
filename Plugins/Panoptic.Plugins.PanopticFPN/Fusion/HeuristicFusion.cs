using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.Segmentation;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Fusion;

/// <summary>
/// Panoptic FPN's fusion (detectron2 <c>combine_semantic_and_instance_outputs</c>): instances first by score with the
/// overlap rule, then large-enough stuff regions on the unclaimed pixels (<see cref="FusionRules.Heuristic"/>).
/// </summary>
[Component("HeuristicFusion", Description = "detectron2's Panoptic FPN fusion: instances by score with an overlap rule, then stuff regions above an area limit.")]
public sealed class HeuristicFusion : RuleFusion
{
    public HeuristicFusion(HeuristicFusionOptions options, PanopticFusionContext context)
        : this(options.Thresholds, PanopticCategories.From(context.Metadata))
    {
    }

    /// <summary>Builds the fusion by hand; <paramref name="categories"/> null keeps contiguous ids.</summary>
    public HeuristicFusion(FusionThresholds thresholds, PanopticCategories? categories = null)
        : base(thresholds, categories)
    {
    }

    protected override PanopticResult Apply(FusionInstances instances, Tensor semanticLabels) =>
        FusionRules.Heuristic(instances, semanticLabels, Thresholds, Categories);
}
