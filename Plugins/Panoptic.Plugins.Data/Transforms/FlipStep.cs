using Panoptic.Abstractions.Data;
using Panoptic.Torch;

namespace Panoptic.Plugins.Data.Transforms;

/// <summary>
/// Mirrors an image (detectron2 <c>HFlipTransform</c> / <c>VFlipTransform</c>): pixel column x goes to W − 1 − x, and a
/// coordinate x (pixel edges, absolute) goes to W − x, so a box [x0, x1] becomes [W − x1, W − x0] exactly.
/// </summary>
internal sealed class FlipStep(int height, int width, bool horizontal) : ITransformStep
{
    public (int Height, int Width) OutputSize { get; } = (height, width);

    /// <param name="image">(H, W, C), any dtype.</param>
    public Tensor ApplyImage(Tensor image) => image.Flip(horizontal ? 1 : 0);

    public void ApplyCoords(Span<float> xy)
    {
        var (offset, extent) = horizontal ? (0, (float)width) : (1, (float)height);
        for (var i = offset; i < xy.Length; i += 2)
            xy[i] = extent - xy[i];
    }

    /// <param name="segmentation">(H, W) or (N, H, W), any dtype.</param>
    public Tensor ApplySegmentation(Tensor segmentation) => segmentation.Flip(horizontal ? -1 : -2);
}
