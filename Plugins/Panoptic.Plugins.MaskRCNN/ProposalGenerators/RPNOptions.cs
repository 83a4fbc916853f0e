using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;
using Panoptic.Plugins.MaskRCNN.Losses;

namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

/// <summary>Options of the <c>RPN</c> proposal generator (detectron2 <c>MODEL.RPN</c>, <c>MODEL.ANCHOR_GENERATOR</c>).</summary>
public sealed record RPNOptions : ComponentOptions
{
    /// <summary>Backbone features the RPN runs on.</summary>
    [MinLength(1)]
    public IReadOnlyList<string> InFeatures { get; init; } = ["res4"];

    public AnchorGeneratorOptions AnchorGenerator { get; init; } = new();

    /// <summary>Channels of the head's hidden convolutions; [-1] means as many as the input.</summary>
    public IReadOnlyList<int> ConvDims { get; init; } = [-1];

    /// <summary>Anchors further than this outside the image are ignored in training; negative keeps all.</summary>
    public int BoundaryThresh { get; init; } = -1;

    /// <summary>IoU thresholds splitting anchors into the classes of <see cref="IouLabels"/>.</summary>
    [Range(0.0, 1.0)]
    public IReadOnlyList<double> IouThresholds { get; init; } = [0.3, 0.7];

    /// <summary>Label per IoU interval: 0 negative, -1 ignored, 1 positive.</summary>
    [Range(-1, 1)]
    public IReadOnlyList<int> IouLabels { get; init; } = [0, -1, 1];

    /// <summary>Anchors sampled per image for the loss.</summary>
    [Range(1, 100000)]
    public int BatchSizePerImage { get; init; } = 256;

    /// <summary>Target fraction of positives among sampled anchors.</summary>
    [Range(0.0, 1.0)]
    public double PositiveFraction { get; init; } = 0.5;

    public BoxRegressionLoss BboxRegLossType { get; init; } = BoxRegressionLoss.SmoothL1;

    [Range(0.0, 1000.0)]
    public double BboxRegLossWeight { get; init; } = 1.0;

    /// <summary>Weights (dx, dy, dw, dh) of the box transform.</summary>
    [Length(4, 4)]
    public IReadOnlyList<double> BboxRegWeights { get; init; } = [1.0, 1.0, 1.0, 1.0];

    /// <summary>Smooth-L1 transition point; 0 is L1.</summary>
    [Range(0.0, 100.0)]
    public double SmoothL1Beta { get; init; }

    [Range(0.0, 1000.0)]
    public double LossWeight { get; init; } = 1.0;

    /// <summary>What the summed losses are divided by.</summary>
    public RPNLossNormalizer LossNormalizer { get; init; } = RPNLossNormalizer.BatchSize;

    /// <summary>Top-scoring anchors kept per level before NMS, in training.</summary>
    [Range(1, int.MaxValue)]
    public int PreNmsTopkTrain { get; init; } = 12000;

    /// <summary>Top-scoring anchors kept per level before NMS, at test.</summary>
    [Range(1, int.MaxValue)]
    public int PreNmsTopkTest { get; init; } = 6000;

    /// <summary>Proposals kept per image after NMS, in training.</summary>
    [Range(1, int.MaxValue)]
    public int PostNmsTopkTrain { get; init; } = 2000;

    /// <summary>Proposals kept per image after NMS, at test.</summary>
    [Range(1, int.MaxValue)]
    public int PostNmsTopkTest { get; init; } = 1000;

    /// <summary>Whether the post-NMS top-k is per image or over the batch.</summary>
    public PostNmsTopkScope PostNmsTopkScope { get; init; } = PostNmsTopkScope.PerImage;

    [Range(0.0, 1.0)]
    public double NmsThresh { get; init; } = 0.7;

    /// <summary>The score NMS and the post-NMS top-k rank proposals by.</summary>
    public ObjectnessScore NmsScore { get; init; } = ObjectnessScore.Logit;

    /// <summary>Proposals narrower or lower than this (input pixels) are dropped; 0 drops only empty ones (torchvision: 1e-3).</summary>
    [Range(0.0, double.MaxValue)]
    public double MinSize { get; init; }

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (IouLabels.Count != IouThresholds.Count + 1)
            yield return new OptionsViolation("iou_labels", $"expected {IouThresholds.Count + 1} labels for {IouThresholds.Count} thresholds, got {IouLabels.Count}");
        for (var i = 1; i < IouThresholds.Count; i++)
        {
            if (IouThresholds[i] < IouThresholds[i - 1])
                yield return new OptionsViolation("iou_thresholds", "iou_thresholds must not decrease");
        }
    }
}
