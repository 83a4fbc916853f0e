using Panoptic.Modeling.Geometry;
using Panoptic.Modeling.Layers;
using Panoptic.Plugins.MaskRCNN.Losses;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>Box-branch losses and test-time filtering (detectron2 <c>FastRCNNOutputLayers</c> arguments).</summary>
/// <param name="BoxLoss">Regression loss.</param>
/// <param name="SmoothL1Beta">Smooth-L1 transition point (0: L1; torchvision 1/9).</param>
/// <param name="RegressionWeight">Weight of <c>loss_box_reg</c>.</param>
/// <param name="ScoreThreshold">Detections must score above this.</param>
/// <param name="NmsThreshold">Per-class NMS IoU.</param>
/// <param name="DetectionsPerImage">Detections kept per image.</param>
/// <param name="MinBoxSize">Detections narrower or lower than this are dropped; null keeps all.</param>
public sealed record FastRCNNSettings(BoxRegressionLoss BoxLoss, double SmoothL1Beta, double RegressionWeight,
    double ScoreThreshold, double NmsThreshold, int DetectionsPerImage, double? MinBoxSize);

/// <summary>
/// The box predictor (detectron2 <c>FastRCNNOutputLayers</c>, torchvision <c>FastRCNNPredictor</c>): linear class
/// scores <c>cls_score</c> over K classes + background (last) and box deltas <c>bbox_pred</c> (4·K, or 4 when
/// class-agnostic). cls_score ~ N(0, 0.01²), bbox_pred ~ N(0, 0.001²), biases 0.
/// </summary>
public sealed class FastRCNNOutputLayers : Module
{
    public FastRCNNOutputLayers(long inputSize, int numClasses, BoxCoder boxCoder, bool classAgnostic, FastRCNNSettings settings)
    {
        NumClasses = numClasses;
        BoxCoder = boxCoder;
        ClassAgnostic = classAgnostic;
        Settings = settings;
        ClsScore = RegisterModule("cls_score", new Linear(inputSize, numClasses + 1));
        BboxPred = RegisterModule("bbox_pred", new Linear(inputSize, (classAgnostic ? 1 : numClasses) * 4));
        WeightInit.NormalFill(ClsScore.Weight, ClsScore.Bias, 0.01);
        WeightInit.NormalFill(BboxPred.Weight, BboxPred.Bias, 0.001);
    }

    public int NumClasses { get; }

    public BoxCoder BoxCoder { get; }

    public bool ClassAgnostic { get; }

    public FastRCNNSettings Settings { get; }

    public Linear ClsScore { get; }

    public Linear BboxPred { get; }

    /// <param name="x">(R, D) box-head features (flattened if they have more dimensions).</param>
    /// <returns>(R, K + 1) class logits and (R, 4·K) or (R, 4) deltas.</returns>
    public (Tensor Scores, Tensor Deltas) Forward(Tensor x)
    {
        using var flat = x.Dim > 2 ? x.Flatten(1) : x.Alias();
        return (ClsScore.Forward(flat), BboxPred.Forward(flat));
    }
}
