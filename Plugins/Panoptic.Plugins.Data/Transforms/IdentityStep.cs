using Panoptic.Abstractions.Data;
using Panoptic.Torch;

namespace Panoptic.Plugins.Data.Transforms;

/// <summary>A step that changes nothing (detectron2 <c>NoOpTransform</c>): a flip not drawn, a resize to the same size.</summary>
internal sealed class IdentityStep(int height, int width) : ITransformStep
{
    public (int Height, int Width) OutputSize { get; } = (height, width);

    /// <returns>The input itself.</returns>
    public Tensor ApplyImage(Tensor image) => image;

    public void ApplyCoords(Span<float> xy)
    {
    }

    /// <returns>The input itself.</returns>
    public Tensor ApplySegmentation(Tensor segmentation) => segmentation;
}
