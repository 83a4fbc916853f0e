using Panoptic.Modeling.Geometry;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.MaskRCNN.Losses;

using Torch = Panoptic.Torch.Torch;

/// <summary>Summed box-regression losses of the foreground (detectron2 <c>_dense_box_regression_loss</c>); callers normalise.</summary>
public static class BoxRegressionLosses
{
    /// <param name="type">Which loss.</param>
    /// <param name="coder">The box transform the deltas are in.</param>
    /// <param name="references">(P, 4) anchors or proposals the deltas apply to.</param>
    /// <param name="predictedDeltas">(P, 4) predicted deltas.</param>
    /// <param name="targetBoxes">(P, 4) matched ground-truth boxes.</param>
    /// <param name="smoothL1Beta">Smooth-L1 transition point (0: L1).</param>
    /// <returns>Scalar sum over the P boxes.</returns>
    public static Tensor Sum(BoxRegressionLoss type, BoxCoder coder, Tensor references, Tensor predictedDeltas, Tensor targetBoxes, double smoothL1Beta)
    {
        using var scope = Torch.NewDisposeScope();
        var loss = type switch
        {
            BoxRegressionLoss.SmoothL1 => SmoothL1(predictedDeltas, coder.Encode(references, targetBoxes), smoothL1Beta),
            BoxRegressionLoss.Giou => GiouLoss(coder.Decode(predictedDeltas, references), targetBoxes),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "valid: smooth_l1, giou"),
        };
        return scope.MoveToOuter(loss);
    }

    /// <summary>Σ smooth-L1 (L1 when <paramref name="beta"/> is 0) of (P, 4) predictions against (P, 4) targets.</summary>
    public static Tensor SmoothL1(Tensor input, Tensor target, double beta) =>
        beta < 1e-5 ? F.L1Loss(input, target, Reduction.Sum) : F.SmoothL1Loss(input, target, Reduction.Sum, beta);

    /// <summary>Σ (1 − GIoU) of (P, 4) boxes against (P, 4) targets (detectron2 <c>giou_loss</c>, eps 1e-7).</summary>
    public static Tensor GiouLoss(Tensor boxes, Tensor targets)
    {
        using var scope = Torch.NewDisposeScope();
        const double eps = 1e-7;
        var (x1, y1, x2, y2) = (boxes.Select(1, 0), boxes.Select(1, 1), boxes.Select(1, 2), boxes.Select(1, 3));
        var (tx1, ty1, tx2, ty2) = (targets.Select(1, 0), targets.Select(1, 1), targets.Select(1, 2), targets.Select(1, 3));
        var intersectionWidth = (Torch.Minimum(x2, tx2) - Torch.Maximum(x1, tx1)).Clamp(min: 0);
        var intersectionHeight = (Torch.Minimum(y2, ty2) - Torch.Maximum(y1, ty1)).Clamp(min: 0);
        var intersection = intersectionWidth * intersectionHeight;
        var union = (x2 - x1) * (y2 - y1) + (tx2 - tx1) * (ty2 - ty1) - intersection;
        var iou = intersection / (union + eps);
        var enclosing = (Torch.Maximum(x2, tx2) - Torch.Minimum(x1, tx1)) * (Torch.Maximum(y2, ty2) - Torch.Minimum(y1, ty1));
        var giou = iou - (enclosing - union) / (enclosing + eps);
        return scope.MoveToOuter((1 - giou).Sum());
    }
}
