using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Plugins.RoIOps.Kernels;
using Panoptic.Torch;

namespace Panoptic.Plugins.RoIOps.Pooling;

/// <summary>RoIAlign computed from tensor operations (<see cref="RoIAlignByGridSample"/>): the reference the native kernel is checked against, and a kernel-free fallback.</summary>
[Component("RoIAlignOps", Description = "Multi-level RoIAlign from tensor ops (grid_sample), no custom kernel; same options as RoIAlign.")]
public sealed class RoIAlignOpsPooler : MultiLevelPooler
{
    public RoIAlignOpsPooler(RoIAlignOptions options, RoIFeatureExtractorContext context)
        : this(context, options.OutputSize, options.SamplingRatio, options.Aligned, options.CanonicalBoxSize, options.CanonicalLevel, options.LevelAssignment)
    {
    }

    /// <summary>Builds the pooler by hand; the arguments are the keys of <see cref="RoIAlignOptions"/>.</summary>
    public RoIAlignOpsPooler(RoIFeatureExtractorContext context, int outputSize, int samplingRatio = 0, bool aligned = true,
        int canonicalBoxSize = 224, int canonicalLevel = 4, LevelAssignment levelAssignment = LevelAssignment.Detectron2)
        : base(context, outputSize, canonicalBoxSize, canonicalLevel, levelAssignment)
    {
        SamplingRatio = samplingRatio;
        Aligned = aligned;
    }

    public int SamplingRatio { get; }

    public bool Aligned { get; }

    protected override Tensor PoolLevel(Tensor feature, Tensor rois, double spatialScale) =>
        RoIAlignByGridSample.Forward(feature, rois, OutputSize, spatialScale, SamplingRatio, Aligned);
}
