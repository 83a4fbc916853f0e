using Panoptic.Abstractions.Data;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.Vision;
using static Panoptic.Torch.Torch;

namespace Panoptic.Plugins.Data.Transforms;

/// <summary>
/// Resizes to a fixed size (detectron2 <c>ResizeTransform</c>). Coordinates scale by out/in per axis, so a box maps
/// to exactly the scaled box. Label maps and masks use nearest neighbour sampled at pixel centres — source index
/// <c>floor((i + 0.5) · in / out)</c>, PIL's <c>NEAREST</c> that detectron2 uses — so labels are never blended.
/// </summary>
internal sealed class ResizeStep(int inputHeight, int inputWidth, int height, int width, ResizeInterpolation interpolation) : ITransformStep
{
    public (int Height, int Width) OutputSize { get; } = (height, width);

    /// <param name="image">
    /// (H, W, C): uint8 through OpenCV (bilinear or area), float32 through bilinear interpolation (half-pixel
    /// centres); with <see cref="ResizeInterpolation.Nearest"/> any dtype, sampled exactly like label maps.
    /// </param>
    public Tensor ApplyImage(Tensor image)
    {
        if (interpolation == ResizeInterpolation.Nearest)
            return Nearest(image, 0);
        if (image.DType == DType.UInt8)
            return ImageCodec.Resize(image, height, width, interpolation == ResizeInterpolation.Area ? ImageInterpolation.Area : ImageInterpolation.Bilinear);
        using var scope = NewDisposeScope();
        var resized = Functional.Interpolate(image.Permute(2, 0, 1).Unsqueeze(0), (height, width), mode: InterpolationMode.Bilinear);
        return scope.MoveToOuter(resized.Squeeze(0).Permute(1, 2, 0).Contiguous());
    }

    public void ApplyCoords(Span<float> xy)
    {
        var sx = (float)width / inputWidth;
        var sy = (float)height / inputHeight;
        for (var i = 0; i + 1 < xy.Length; i += 2)
        {
            xy[i] *= sx;
            xy[i + 1] *= sy;
        }
    }

    /// <param name="segmentation">(H, W) or (N, H, W), any dtype.</param>
    public Tensor ApplySegmentation(Tensor segmentation) => Nearest(segmentation, segmentation.Dim - 2);

    /// <summary>Nearest-neighbour resampling of the two axes starting at <paramref name="rowAxis"/>.</summary>
    private Tensor Nearest(Tensor input, int rowAxis)
    {
        using var rows = SourceIndices(height, inputHeight);
        using var columns = SourceIndices(width, inputWidth);
        using var picked = input.IndexSelect(rowAxis, rows);
        return picked.IndexSelect(rowAxis + 1, columns);
    }

    /// <summary>(out,) int64 source index of each output pixel centre.</summary>
    private static Tensor SourceIndices(int output, int input)
    {
        var scale = (double)input / output;
        var indices = new long[output];
        for (var i = 0; i < output; i++)
            indices[i] = Math.Min(input - 1, (long)Math.Floor((i + 0.5) * scale));
        return From(indices, output);
    }
}
