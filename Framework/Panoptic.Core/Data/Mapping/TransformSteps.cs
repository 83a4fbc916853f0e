using Panoptic.Abstractions.Data;
using Panoptic.Torch;

namespace Panoptic.Core.Data.Mapping;

/// <summary>
/// The concrete steps sampled for one image, applied together to the image and to everything annotated on it
/// (boxes, polygons, masks, label maps), so they stay aligned.
/// </summary>
public sealed class TransformSteps(IReadOnlyList<ITransformStep> steps, int inputHeight, int inputWidth)
{
    public IReadOnlyList<ITransformStep> Steps { get; } = steps;

    /// <summary>Size of the image before the steps.</summary>
    public (int Height, int Width) InputSize { get; } = (inputHeight, inputWidth);

    /// <summary>Size of the image after the steps.</summary>
    public (int Height, int Width) OutputSize => Steps.Count == 0 ? InputSize : Steps[^1].OutputSize;

    /// <summary>Applies every step to an image; intermediate tensors are freed.</summary>
    /// <param name="image">(H, W, C) uint8; not disposed.</param>
    /// <returns>(H', W', C): a new tensor (uint8, or float32 after a normalising step), or <paramref name="image"/> itself when there are no steps.</returns>
    public Tensor ApplyImage(Tensor image) => Chain(image, static (step, t) => step.ApplyImage(t));

    /// <summary>Applies every step to a label map or a stack of masks (nearest neighbour).</summary>
    /// <param name="segmentation">(H, W) or (N, H, W), any integer or bool dtype; not disposed.</param>
    /// <returns>(H', W') or (N, H', W'), same dtype (possibly <paramref name="segmentation"/> itself).</returns>
    public Tensor ApplySegmentation(Tensor segmentation) => Chain(segmentation, static (step, t) => step.ApplySegmentation(t));

    /// <summary>Maps interleaved x, y pairs (absolute pixels) in place.</summary>
    public void ApplyCoords(Span<float> xy)
    {
        foreach (var step in Steps)
            step.ApplyCoords(xy);
    }

    /// <summary>
    /// Maps a box in corner form: its four corners are transformed and the result is their bounding box
    /// (detectron2 <c>Transform.apply_box</c>), so flips and scalings give exact boxes.
    /// </summary>
    /// <param name="xyxy">x0, y0, x1, y1; overwritten.</param>
    public void ApplyBox(Span<float> xyxy)
    {
        Span<float> corners = [xyxy[0], xyxy[1], xyxy[2], xyxy[1], xyxy[0], xyxy[3], xyxy[2], xyxy[3]];
        ApplyCoords(corners);
        xyxy[0] = Math.Min(Math.Min(corners[0], corners[2]), Math.Min(corners[4], corners[6]));
        xyxy[1] = Math.Min(Math.Min(corners[1], corners[3]), Math.Min(corners[5], corners[7]));
        xyxy[2] = Math.Max(Math.Max(corners[0], corners[2]), Math.Max(corners[4], corners[6]));
        xyxy[3] = Math.Max(Math.Max(corners[1], corners[3]), Math.Max(corners[5], corners[7]));
    }

    private Tensor Chain(Tensor input, Func<ITransformStep, Tensor, Tensor> apply)
    {
        var current = input;
        foreach (var step in Steps)
        {
            var next = apply(step, current);
            if (!ReferenceEquals(current, input) && !ReferenceEquals(next, current))
                current.Dispose();
            current = next;
        }
        return current;
    }
}
