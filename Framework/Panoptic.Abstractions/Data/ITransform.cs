using Panoptic.Torch;

namespace Panoptic.Abstractions.Data;

/// <summary>
/// A data transform or augmentation (detectron2 <c>Augmentation</c>): for each image it samples a concrete
/// <see cref="ITransformStep"/> that is then applied to the image and to everything annotated on it.
/// </summary>
public interface ITransform
{
    /// <summary>The concrete step for one image.</summary>
    /// <param name="height">Input image height.</param>
    /// <param name="width">Input image width.</param>
    /// <param name="random">The loader's generator for this image (deterministic with a seed).</param>
    ITransformStep Sample(int height, int width, Random random);
}

/// <summary>One concrete geometric/photometric step (detectron2 <c>Transform</c>).</summary>
public interface ITransformStep
{
    /// <summary>Size of the image after the step.</summary>
    (int Height, int Width) OutputSize { get; }

    /// <param name="image">(H, W, C) uint8.</param>
    /// <returns>(H', W', C) uint8.</returns>
    Tensor ApplyImage(Tensor image);

    /// <summary>Maps points in place.</summary>
    /// <param name="xy">Interleaved x, y pairs in absolute pixels (box corners, polygon vertices).</param>
    void ApplyCoords(Span<float> xy);

    /// <param name="segmentation">(H, W) integer labels; resampled with nearest neighbour.</param>
    /// <returns>(H', W') labels.</returns>
    Tensor ApplySegmentation(Tensor segmentation);
}
