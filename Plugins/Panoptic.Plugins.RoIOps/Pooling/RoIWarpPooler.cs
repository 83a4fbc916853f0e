using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Plugins.RoIOps.Kernels;
using Panoptic.Torch;
using Panoptic.Torch.Vision;

namespace Panoptic.Plugins.RoIOps.Pooling;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// RoIWarp (MNC; the Mask R-CNN paper's middle ablation row): boundaries quantised to feature pixels as RoIPool does
/// (<see cref="QuantisedRoI"/>), then the quantised box is warped to S×S by bilinear sampling (RoIAlign, unaligned,
/// averaging <c>sampling_ratio</c>² samples per bin).
/// </summary>
[Component("RoIWarp", Description = "Multi-level RoIWarp: quantised boundaries, bilinear warp (RoIAlign on the quantised box).")]
public sealed class RoIWarpPooler : MultiLevelPooler
{
    public RoIWarpPooler(RoIWarpOptions options, RoIFeatureExtractorContext context)
        : this(context, options.OutputSize, options.SamplingRatio, options.CanonicalBoxSize, options.CanonicalLevel, options.LevelAssignment)
    {
    }

    /// <summary>Builds the pooler by hand; the arguments are the keys of <see cref="RoIWarpOptions"/>.</summary>
    public RoIWarpPooler(RoIFeatureExtractorContext context, int outputSize, int samplingRatio = 1, int canonicalBoxSize = 224,
        int canonicalLevel = 4, LevelAssignment levelAssignment = LevelAssignment.Detectron2)
        : base(context, outputSize, canonicalBoxSize, canonicalLevel, levelAssignment)
    {
        SamplingRatio = samplingRatio;
    }

    public int SamplingRatio { get; }

    protected override Tensor PoolLevel(Tensor feature, Tensor rois, double spatialScale)
    {
        using var scope = Torch.NewDisposeScope();
        var quantised = QuantisedRoI.From(rois, spatialScale)
            .SelectMany(r => new[] { r.Image, (float)r.X0, r.Y0, r.X0 + r.Width, r.Y0 + r.Height })
            .ToArray();
        var warped = Torch.From(quantised, rois.Size(0), 5).To(rois.Device);
        return scope.MoveToOuter(Ops.RoIAlign(feature, warped, (OutputSize, OutputSize), 1.0, SamplingRatio, aligned: false));
    }
}
