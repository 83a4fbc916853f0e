using Panoptic.Torch;
using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.PanopticFPN.SemanticHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>Semantic logits to image resolution (detectron2 <c>SemSegFPNHead.forward</c> at test, <c>sem_seg_postprocess</c>).</summary>
public static class SemanticSegInference
{
    /// <summary>Bilinear upsampling by the head's stride, align_corners false.</summary>
    /// <param name="logits">(N, K, h, w) logits at stride <paramref name="commonStride"/>.</param>
    /// <param name="commonStride">s.</param>
    /// <returns>(N, K, s·h, s·w) logits; an alias of the input when s = 1.</returns>
    public static Tensor Upsample(Tensor logits, int commonStride) =>
        commonStride == 1
            ? logits.Alias()
            : F.Interpolate(logits, scaleFactor: (commonStride, commonStride), mode: InterpolationMode.Bilinear, alignCorners: false);

    /// <summary>
    /// One image's logits from the padded batch to the requested output size: crop to the image's size in the batch,
    /// then bilinear resize (align_corners false) to <paramref name="outputHeight"/>×<paramref name="outputWidth"/>.
    /// </summary>
    /// <param name="logits">(K, H_pad, W_pad) logits at input resolution (one image of <see cref="Upsample"/>'s output).</param>
    /// <param name="imageHeight">Height of the image inside the padded batch.</param>
    /// <param name="imageWidth">Width of the image inside the padded batch.</param>
    /// <param name="outputHeight">Height to report at (the original image's).</param>
    /// <param name="outputWidth">Width to report at.</param>
    /// <returns>(K, outputHeight, outputWidth) logits.</returns>
    public static Tensor Postprocess(Tensor logits, int imageHeight, int imageWidth, int outputHeight, int outputWidth)
    {
        if (logits.Dim != 3 || logits.Size(1) < imageHeight || logits.Size(2) < imageWidth)
            throw new ArgumentException(
                $"logits of shape [{string.Join(", ", logits.Shape)}] do not hold an image of {imageHeight}×{imageWidth}; expected (K, H_pad ≥ {imageHeight}, W_pad ≥ {imageWidth})",
                nameof(logits));
        using var scope = Torch.NewDisposeScope();
        var cropped = logits.Slice(1, 0, imageHeight).Slice(2, 0, imageWidth).Unsqueeze(0);
        var resized = F.Interpolate(cropped, size: (outputHeight, outputWidth), mode: InterpolationMode.Bilinear, alignCorners: false);
        return scope.MoveToOuter(resized.Squeeze(0));
    }

    /// <summary>The label of each pixel.</summary>
    /// <param name="logits">(K, H, W) logits.</param>
    /// <returns>(H, W) int64 arg-max over classes (the lowest class on ties).</returns>
    public static Tensor Labels(Tensor logits) => logits.Argmax(0);
}
