using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Torch;
using Panoptic.Torch.Vision;

namespace Panoptic.Plugins.RoIOps.Pooling;

/// <summary>RoIAlign with the native kernel (<see cref="Ops.RoIAlign"/>, exact against torchvision.ops.roi_align).</summary>
[Component("RoIAlign", Description = "Multi-level RoIAlign with the native kernel; boxes go to levels by size (canonical 224 -> level 4).")]
public sealed class RoIAlignPooler : MultiLevelPooler
{
    public RoIAlignPooler(RoIAlignOptions options, RoIFeatureExtractorContext context)
        : this(context, options.OutputSize, options.SamplingRatio, options.Aligned, options.CanonicalBoxSize, options.CanonicalLevel, options.LevelAssignment)
    {
    }

    /// <summary>Builds the pooler by hand; the arguments are the keys of <see cref="RoIAlignOptions"/>.</summary>
    public RoIAlignPooler(RoIFeatureExtractorContext context, int outputSize, int samplingRatio = 0, bool aligned = true,
        int canonicalBoxSize = 224, int canonicalLevel = 4, LevelAssignment levelAssignment = LevelAssignment.Detectron2)
        : base(context, outputSize, canonicalBoxSize, canonicalLevel, levelAssignment)
    {
        SamplingRatio = samplingRatio;
        Aligned = aligned;
    }

    public int SamplingRatio { get; }

    public bool Aligned { get; }

    protected override Tensor PoolLevel(Tensor feature, Tensor rois, double spatialScale) =>
        Ops.RoIAlign(feature, rois, (OutputSize, OutputSize), spatialScale, SamplingRatio, Aligned);
}
