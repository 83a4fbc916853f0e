using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Abstractions.Modeling.RoIHeads;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>Options of <c>StandardROIHeads</c> (detectron2 <c>MODEL.ROI_HEADS</c>, <c>ROI_BOX_HEAD</c>, <c>ROI_MASK_HEAD</c>, <c>TEST</c>).</summary>
public record StandardROIHeadsOptions : ComponentOptions
{
    /// <summary>Foreground classes.</summary>
    [Range(1, 100000)]
    public int NumClasses { get; init; } = 80;

    /// <summary>Backbone features pooled from, finest first.</summary>
    [MinLength(1)]
    public IReadOnlyList<string> InFeatures { get; init; } = ["res4"];

    /// <summary>IoU thresholds splitting proposals into the classes of <see cref="IouLabels"/>.</summary>
    [Range(0.0, 1.0)]
    public IReadOnlyList<double> IouThresholds { get; init; } = [0.5];

    /// <summary>Label per IoU interval: 0 background, 1 foreground, -1 ignored.</summary>
    [Range(-1, 1)]
    public IReadOnlyList<int> IouLabels { get; init; } = [0, 1];

    /// <summary>Proposals sampled per image for the losses.</summary>
    [Range(1, 100000)]
    public int BatchSizePerImage { get; init; } = 512;

    [Range(0.0, 1.0)]
    public double PositiveFraction { get; init; } = 0.25;

    /// <summary>Add the ground-truth boxes to the proposals in training.</summary>
    public bool ProposalAppendGt { get; init; } = true;

    /// <summary>Pools the box head's input.</summary>
    public ComponentSpec<IRoIFeatureExtractor> BoxPooler { get; init; } = ComponentSpec<IRoIFeatureExtractor>.Named("RoIAlign");

    public ComponentSpec<IBoxHead> BoxHead { get; init; } = ComponentSpec<IBoxHead>.Named("FastRCNNConvFCHead");

    public FastRCNNOutputOptions BoxPredictor { get; init; } = new();

    /// <summary>Pools the mask head's input.</summary>
    public ComponentSpec<IRoIFeatureExtractor> MaskPooler { get; init; } = ComponentSpec<IRoIFeatureExtractor>.Named("RoIAlign");

    /// <summary>The mask head; null for a box-only model (detectron2 <c>MASK_ON: False</c>).</summary>
    public ComponentSpec<IMaskHead>? MaskHead { get; init; }

    /// <summary>Detections below this score are dropped at test.</summary>
    [Range(0.0, 1.0)]
    public double ScoreThreshTest { get; init; } = 0.05;

    /// <summary>Per-class NMS IoU at test.</summary>
    [Range(0.0, 1.0)]
    public double NmsThreshTest { get; init; } = 0.5;

    /// <summary>Detections kept per image at test.</summary>
    [Range(1, 100000)]
    public int DetectionsPerImage { get; init; } = 100;

    /// <summary>At test, detections narrower or lower than this are dropped (torchvision: 0.01); null keeps all (detectron2).</summary>
    [Range(0.0, double.MaxValue)]
    public double? TestMinBoxSize { get; init; }

    /// <summary>Mask loss: per-class sigmoid (Mask R-CNN) or softmax over classes (ablation).</summary>
    public MaskLossType MaskLossType { get; init; } = MaskLossType.Sigmoid;

    [Range(0.0, 1000.0)]
    public double MaskLossWeight { get; init; } = 1.0;

    /// <summary>Mask targets are RoIAligned from the ground-truth bitmaps with half-pixel alignment (detectron2); false: torchvision.</summary>
    public bool MaskTargetAligned { get; init; } = true;

    /// <summary>Mask targets are thresholded at 0.5 (detectron2); false keeps the soft values (torchvision).</summary>
    public bool MaskTargetBinarize { get; init; } = true;

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (IouLabels.Count != IouThresholds.Count + 1)
            yield return new OptionsViolation("iou_labels", $"expected {IouThresholds.Count + 1} labels for {IouThresholds.Count} thresholds, got {IouLabels.Count}");
    }
}
