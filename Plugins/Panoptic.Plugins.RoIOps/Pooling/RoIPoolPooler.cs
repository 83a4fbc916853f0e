using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Plugins.RoIOps.Kernels;
using Panoptic.Torch;

namespace Panoptic.Plugins.RoIOps.Pooling;

/// <summary>RoIPool (<see cref="RoIMaxPool"/>): quantised boundaries and bins, max pooling — the Mask R-CNN paper's baseline for the RoIAlign ablation.</summary>
[Component("RoIPool", Description = "Multi-level RoIPool (quantised boundaries and bins, max), torchvision roi_pool semantics.")]
public sealed class RoIPoolPooler : MultiLevelPooler
{
    public RoIPoolPooler(RoIPoolOptions options, RoIFeatureExtractorContext context)
        : this(context, options.OutputSize, options.CanonicalBoxSize, options.CanonicalLevel, options.LevelAssignment)
    {
    }

    /// <summary>Builds the pooler by hand; the arguments are the keys of <see cref="RoIPoolOptions"/>.</summary>
    public RoIPoolPooler(RoIFeatureExtractorContext context, int outputSize, int canonicalBoxSize = 224, int canonicalLevel = 4,
        LevelAssignment levelAssignment = LevelAssignment.Detectron2)
        : base(context, outputSize, canonicalBoxSize, canonicalLevel, levelAssignment)
    {
    }

    protected override Tensor PoolLevel(Tensor feature, Tensor rois, double spatialScale) =>
        RoIMaxPool.Forward(feature, rois, OutputSize, spatialScale);
}
