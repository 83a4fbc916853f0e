using Panoptic.Torch;

namespace Panoptic.Abstractions.Structures;

/// <summary>A batch of images of different sizes, padded into one tensor (detectron2 <c>ImageList</c>).</summary>
/// <param name="Tensor">(N, C, H, W) float32, zero padded at the bottom/right to a multiple of the size divisibility.</param>
/// <param name="ImageSizes">(height, width) of each image before padding.</param>
public sealed record ImageList(Tensor Tensor, IReadOnlyList<(int Height, int Width)> ImageSizes)
{
    /// <summary>Number of images (N).</summary>
    public int Count => ImageSizes.Count;
}
