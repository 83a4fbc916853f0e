using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;
using Panoptic.Plugins.MaskRCNN.Losses;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary><c>box_predictor</c> of the RoI heads: class scores and box deltas (detectron2 <c>FastRCNNOutputLayers</c>).</summary>
public sealed record FastRCNNOutputOptions : ConfigOptions
{
    /// <summary>Weights (dx, dy, dw, dh) of the box transform.</summary>
    [Length(4, 4)]
    public IReadOnlyList<double> BboxRegWeights { get; init; } = [10.0, 10.0, 5.0, 5.0];

    public BoxRegressionLoss BboxRegLossType { get; init; } = BoxRegressionLoss.SmoothL1;

    [Range(0.0, 1000.0)]
    public double BboxRegLossWeight { get; init; } = 1.0;

    /// <summary>Smooth-L1 transition point; 0 is L1 (torchvision uses 1/9).</summary>
    [Range(0.0, 100.0)]
    public double SmoothL1Beta { get; init; }

    /// <summary>One box regression for all classes.</summary>
    public bool ClsAgnosticBboxReg { get; init; }
}
