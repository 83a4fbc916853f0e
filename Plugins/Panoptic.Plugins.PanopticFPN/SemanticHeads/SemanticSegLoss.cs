using Panoptic.Torch;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.PanopticFPN.SemanticHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>The semantic head's loss (detectron2 <c>SemSegFPNHead.losses</c>).</summary>
public static class SemanticSegLoss
{
    /// <summary>
    /// Upsamples the logits by <paramref name="commonStride"/> (bilinear, align_corners false) and takes the per-pixel
    /// cross entropy against <paramref name="targets"/>, averaged over the pixels whose target is not
    /// <paramref name="ignoreValue"/>, times <paramref name="lossWeight"/>.
    /// </summary>
    /// <param name="logits">(N, K, H / s, W / s) float logits, s = <paramref name="commonStride"/>.</param>
    /// <param name="targets">(N, H, W) int64 labels in 0..K-1 or <paramref name="ignoreValue"/>.</param>
    /// <param name="commonStride">Stride s of the logits.</param>
    /// <param name="ignoreValue">Label excluded from the loss and from the mean's count.</param>
    /// <param name="lossWeight">Multiplier of the mean.</param>
    /// <returns>
    /// Scalar loss. When every pixel is ignored it is 0 (with the logits' graph) instead of PyTorch's NaN (0 / 0),
    /// so an image of void alone does not poison training.
    /// </returns>
    /// <exception cref="ArgumentException">The targets are not (N, H, W) with H, W = s × the logits' size.</exception>
    public static Tensor Compute(Tensor logits, Tensor targets, int commonStride, int ignoreValue, double lossWeight = 1.0)
    {
        var (n, height, width) = (logits.Size(0), logits.Size(2) * commonStride, logits.Size(3) * commonStride);
        var shape = targets.Shape;
        if (shape.Length != 3 || shape[0] != n || shape[1] != height || shape[2] != width)
            throw new ArgumentException(
                $"semantic targets have shape [{string.Join(", ", shape)}]; logits [{string.Join(", ", logits.Shape)}] at stride {commonStride} need [{n}, {height}, {width}] (pad targets with ignore_value {ignoreValue})",
                nameof(targets));
        using var scope = Torch.NewDisposeScope();
        if (!targets.Ne(ignoreValue).Any().ToBoolean())
            return scope.MoveToOuter(logits.Sum() * 0.0);
        var upsampled = SemanticSegInference.Upsample(logits, commonStride);
        var loss = F.CrossEntropy(upsampled, targets, ignoreIndex: ignoreValue);
        return scope.MoveToOuter(lossWeight == 1.0 ? loss : loss * lossWeight);
    }
}
