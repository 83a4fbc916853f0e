using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Modeling.Matching;
using Panoptic.Plugins.MaskRCNN.Losses;
using Panoptic.Plugins.MaskRCNN.RoIHeads;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.Tests.Support;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Box-only cascade RoI heads built by hand on one 8-channel stride-4 level: RoIAlign 7×7, one FC of 16 per stage,
/// detectron2's IoUs (0.5/0.6/0.7) and box weights, L1 regression, every proposal kept by the sampler.
/// </summary>
public static class TinyCascade
{
    public const int Channels = 8;

    public static readonly double[][] Weights = [[10, 10, 5, 5], [20, 20, 10, 10], [30, 30, 15, 15]];

    public static readonly FastRCNNSettings Settings = new(BoxRegressionLoss.SmoothL1, 0.0, 1.0, 0.05, 0.5, 100, null);

    /// <param name="numClasses">K.</param>
    /// <param name="lossWeights">Per-stage loss weights (three stages).</param>
    /// <param name="zeroPredictors">Zero the predictors' weights and biases: uniform class scores and zero deltas.</param>
    public static CascadeROIHeads Build(int numClasses, IReadOnlyList<double> lossWeights, bool zeroPredictors)
    {
        var pooler = new RoIAlignPooler(new RoIFeatureExtractorContext([new ShapeSpec(Channels, Stride: 4)]), 7);
        var heads = Weights.Select(_ => (IBoxHead)new FastRCNNConvFCHead(new ShapeSpec(Channels, Height: 7, Width: 7), 0, Channels, 1, 16)).ToList();
        var predictors = Weights.Select(w => new FastRCNNOutputLayers(16, numClasses, new BoxCoder(w), classAgnostic: true, Settings)).ToList();
        if (zeroPredictors)
        {
            using var noGrad = Torch.NoGrad();
            foreach (var parameter in predictors.SelectMany(p => p.Parameters()))
                parameter.Zero_();
        }
        var sampling = new ProposalSamplingSettings(new Matcher([0.5], [0, 1], allowLowQualityMatches: false), 512, 1.0, AppendGroundTruth: true);
        var mask = new MaskBranchSettings(MaskLossType.Sigmoid, 1.0, TargetAligned: true, TargetBinarize: true);
        return new CascadeROIHeads(["p2"], pooler, heads, predictors, null, [], sampling, mask, new CascadeSettings([0.5, 0.6, 0.7], lossWeights));
    }

    /// <summary>Ground truth of one image: (G, 4) boxes and their classes.</summary>
    public static Instances Targets(int height, int width, float[] boxes, long[] classes) =>
        new Instances(height, width)
            .Set(InstanceFields.GtBoxes, new Boxes(Torch.From(boxes, classes.Length, 4)))
            .Set(InstanceFields.GtClasses, Torch.From(classes, classes.Length));

    /// <summary>Proposals of one image: (R, 4) boxes.</summary>
    public static Instances Proposals(int height, int width, float[] boxes) =>
        new Instances(height, width).Set(InstanceFields.ProposalBoxes, new Boxes(Torch.From(boxes, boxes.Length / 4, 4)));
}
