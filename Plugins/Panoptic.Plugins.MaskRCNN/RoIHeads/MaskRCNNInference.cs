using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>Mask probabilities of the detections (detectron2 <c>mask_rcnn_inference</c>, torchvision <c>maskrcnn_inference</c>).</summary>
public static class MaskRCNNInference
{
    /// <param name="logits">(R, K, M, M) mask logits of the detections (all images), or (R, 1, M, M) class-agnostic.</param>
    /// <param name="classes">(R,) int64 predicted classes.</param>
    /// <param name="type">Sigmoid of the predicted class's logits, or its softmax probability against the other classes and background.</param>
    /// <returns>(R, 1, M, M) float32 probabilities.</returns>
    public static Tensor Probabilities(Tensor logits, Tensor classes, MaskLossType type)
    {
        using var scope = Torch.NewDisposeScope();
        var count = logits.Size(0);
        var rows = Torch.Arange(count, device: logits.Device);
        Tensor probabilities;
        if (type == MaskLossType.Sigmoid)
        {
            probabilities = (logits.Size(1) == 1 ? logits.Select(1, 0) : logits.Index(rows, classes)).Sigmoid();
        }
        else
        {
            var withBackground = Torch.Cat([logits, Torch.Zeros([count, 1, logits.Size(2), logits.Size(3)], logits.DType, logits.Device)], 1);
            probabilities = withBackground.Softmax(1).Index(rows, logits.Size(1) == 1 ? Torch.ZerosLike(classes) : classes);
        }
        return scope.MoveToOuter(probabilities.Unsqueeze(1));
    }
}
