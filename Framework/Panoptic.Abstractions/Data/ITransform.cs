using Panoptic.Torch;

namespace Panoptic.Abstractions.Data;

/// <summary>
/// A data transform or augmentation (detectron2 <c>Augmentation</c>): for each image it samples a concrete
/// <see cref="ITransformStep"/> that is then applied to the image and to everything annotated on it.
/// Loader threads sample concurrently: draw only from the generator given, keep no per-image state.
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

    /// <param name="image">(H, W, C) uint8, or float32 after a normalising step.</param>
    /// <returns>(H', W', C): uint8 for geometric steps on uint8 input, float32 from normalising steps.</returns>
    Tensor ApplyImage(Tensor image);

    /// <summary>Maps points in place.</summary>
    /// <param name="xy">Interleaved x, y pairs in absolute pixels (box corners, polygon vertices).</param>
    void ApplyCoords(Span<float> xy);

    /// <param name="segmentation">
    /// (H, W) labels or (N, H, W) masks, any integer or bool dtype (panoptic id maps, semantic labels, instance
    /// bitmaps); resampled with nearest neighbour, never blended.
    /// </param>
    /// <returns>(H', W') or (N, H', W'), same dtype.</returns>
    Tensor ApplySegmentation(Tensor segmentation);
}
