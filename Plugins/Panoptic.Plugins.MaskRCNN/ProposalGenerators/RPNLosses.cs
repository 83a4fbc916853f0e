using Panoptic.Modeling.Geometry;
using Panoptic.Modeling.Matching;
using Panoptic.Plugins.MaskRCNN.Losses;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

using Torch = Panoptic.Torch.Torch;

/// <summary>How anchors are labelled, sampled and scored in training.</summary>
/// <param name="Matcher">Anchor-to-ground-truth matching (IoU 0.3/0.7, low-quality matches).</param>
/// <param name="BatchSizePerImage">Anchors sampled per image.</param>
/// <param name="PositiveFraction">Target fraction of positives among them.</param>
/// <param name="BoundaryThreshold">Anchors further than this outside the image are ignored; negative keeps all.</param>
/// <param name="BoxLoss">Regression loss.</param>
/// <param name="SmoothL1Beta">Smooth-L1 transition point.</param>
/// <param name="Normalizer">What the summed losses are divided by.</param>
/// <param name="ClassificationWeight">Weight of <c>loss_rpn_cls</c>.</param>
/// <param name="RegressionWeight">Weight of <c>loss_rpn_loc</c>.</param>
public sealed record RPNTrainingSettings(Matcher Matcher, int BatchSizePerImage, double PositiveFraction, int BoundaryThreshold,
    BoxRegressionLoss BoxLoss, double SmoothL1Beta, RPNLossNormalizer Normalizer, double ClassificationWeight, double RegressionWeight);

/// <summary>RPN training targets and losses (detectron2 <c>RPN.label_and_sample_anchors</c> and <c>RPN.losses</c>).</summary>
public static class RPNLosses
{
    /// <summary>Labels anchors against each image's ground truth and samples them.</summary>
    /// <param name="anchors">(A, 4) anchors of all levels, concatenated.</param>
    /// <param name="gtBoxes">Per image (G_i, 4) ground-truth boxes.</param>
    /// <param name="imageSizes">Per image (height, width), for the boundary threshold.</param>
    /// <param name="settings">Matching and sampling.</param>
    /// <returns>(N, A) int64 labels (1 sampled positive, 0 sampled negative, −1 not sampled) and (N, A, 4) matched boxes.</returns>
    public static (Tensor Labels, Tensor MatchedBoxes) LabelAndSample(Tensor anchors, IReadOnlyList<Tensor> gtBoxes,
        IReadOnlyList<(int Height, int Width)> imageSizes, RPNTrainingSettings settings)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var labels = new List<Tensor>(gtBoxes.Count);
        var matched = new List<Tensor>(gtBoxes.Count);
        for (var i = 0; i < gtBoxes.Count; i++)
        {
            var gt = gtBoxes[i];
            var (matches, label) = settings.Matcher.Match(BoxOps.PairwiseIou(gt, anchors));
            if (settings.BoundaryThreshold >= 0)
                label.MaskedFill_(Outside(anchors, imageSizes[i], settings.BoundaryThreshold), -1);
            var (positive, negative) = BalancedSampler.Sample(label, settings.BatchSizePerImage, settings.PositiveFraction, backgroundLabel: 0);
            var sampled = Torch.FullLike(label, -1);
            sampled.IndexPut_([TensorIndex.Of(positive)], 1);
            sampled.IndexPut_([TensorIndex.Of(negative)], 0);
            labels.Add(sampled);
            matched.Add(gt.Size(0) == 0 ? Torch.ZerosLike(anchors) : gt.IndexSelect(0, matches));
        }
        return (scope.MoveToOuter(Torch.Stack(labels, 0)), scope.MoveToOuter(Torch.Stack(matched, 0)));
    }

    /// <summary>The RPN losses.</summary>
    /// <param name="anchors">(A, 4) anchors of all levels.</param>
    /// <param name="logits">(N, A) predicted objectness logits.</param>
    /// <param name="deltas">(N, A, 4) predicted anchor deltas.</param>
    /// <param name="labels">(N, A) sampled labels from <see cref="LabelAndSample"/>.</param>
    /// <param name="matchedBoxes">(N, A, 4) matched ground-truth boxes.</param>
    /// <param name="coder">The anchor box transform.</param>
    /// <param name="settings">Loss type, normaliser and weights.</param>
    /// <returns><c>loss_rpn_cls</c> (binary cross-entropy of the sampled anchors) and <c>loss_rpn_loc</c> (regression of the positives).</returns>
    public static IReadOnlyDictionary<string, Tensor> Compute(Tensor anchors, Tensor logits, Tensor deltas, Tensor labels, Tensor matchedBoxes,
        BoxCoder coder, RPNTrainingSettings settings)
    {
        using var scope = Torch.NewDisposeScope();
        var positive = labels.Eq(1);
        var valid = labels.Ge(0);
        var references = anchors.Unsqueeze(0).Expand(labels.Size(0), anchors.Size(0), 4);
        var regression = BoxRegressionLosses.Sum(settings.BoxLoss, coder, references.Index(positive), deltas.Index(positive),
            matchedBoxes.Index(positive), settings.SmoothL1Beta);
        var classification = F.BinaryCrossEntropyWithLogits(logits.Index(valid), labels.Index(valid).To(logits.DType), reduction: Reduction.Sum);
        var normalizer = settings.Normalizer == RPNLossNormalizer.BatchSize
            ? (double)settings.BatchSizePerImage * labels.Size(0)
            : Math.Max(1, valid.Sum().ToInt64());
        return new Dictionary<string, Tensor>
        {
            ["loss_rpn_cls"] = scope.MoveToOuter(classification * (settings.ClassificationWeight / normalizer)),
            ["loss_rpn_loc"] = scope.MoveToOuter(regression * (settings.RegressionWeight / normalizer)),
        };
    }

    /// <summary>(A,) bool: anchors reaching more than <paramref name="threshold"/> pixels outside the image.</summary>
    private static Tensor Outside(Tensor anchors, (int Height, int Width) size, int threshold) =>
        anchors.Select(1, 0).Lt(-threshold) | anchors.Select(1, 1).Lt(-threshold)
        | anchors.Select(1, 2).Ge(size.Width + threshold) | anchors.Select(1, 3).Ge(size.Height + threshold);
}
