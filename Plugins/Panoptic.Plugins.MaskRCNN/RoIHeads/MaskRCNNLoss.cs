using Panoptic.Torch;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>The mask loss (detectron2 <c>mask_rcnn_loss</c>, torchvision <c>maskrcnn_loss</c>).</summary>
public static class MaskRCNNLoss
{
    /// <param name="logits">(P, K, M, M) mask logits of the foreground proposals, or (P, 1, M, M) class-agnostic.</param>
    /// <param name="classes">(P,) int64 ground-truth classes.</param>
    /// <param name="targets">(P, M, M) float32 targets in [0, 1].</param>
    /// <param name="type">Per-class sigmoid BCE on the ground-truth class only, or softmax over classes and background.</param>
    /// <returns>Scalar mean over all pixels of all P masks; 0 (keeping the graph) when P = 0.</returns>
    public static Tensor Compute(Tensor logits, Tensor classes, Tensor targets, MaskLossType type)
    {
        using var scope = Torch.NewDisposeScope();
        var count = logits.Size(0);
        if (count == 0)
            return scope.MoveToOuter(logits.Sum() * 0.0);
        Tensor loss;
        if (type == MaskLossType.Sigmoid)
        {
            var selected = logits.Size(1) == 1 ? logits.Select(1, 0) : logits.Index(Torch.Arange(count, device: logits.Device), classes);
            loss = F.BinaryCrossEntropyWithLogits(selected, targets);
        }
        else
        {
            var withBackground = Torch.Cat([logits, Torch.Zeros([count, 1, logits.Size(2), logits.Size(3)], logits.DType, logits.Device)], 1);
            var background = logits.Size(1);
            var pixelClass = Torch.Where(targets.Ge(0.5), classes.View(-1, 1, 1).Expand(targets.Shape), Torch.FullLike(classes, background).View(-1, 1, 1).Expand(targets.Shape));
            loss = F.CrossEntropy(withBackground, pixelClass);
        }
        return scope.MoveToOuter(loss);
    }
}
