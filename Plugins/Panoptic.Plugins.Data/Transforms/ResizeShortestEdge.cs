using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Data;

namespace Panoptic.Plugins.Data.Transforms;

/// <summary>
/// Scales an image so its short edge has a drawn length, unless that makes the long edge exceed the cap, in which
/// case the long edge gets the cap (detectron2 <c>ResizeShortestEdge</c>, including its rounding of the output size).
/// </summary>
[Component("ResizeShortestEdge", Description = "Scale so the short edge has a drawn length, capping the long edge.")]
public sealed class ResizeShortestEdge : ITransform
{
    private readonly IReadOnlyList<int> _lengths;
    private readonly int _maxSize;
    private readonly SampleStyle _style;
    private readonly ResizeInterpolation _interpolation;

    /// <param name="shortEdgeLength">Candidate lengths, or [min, max] for <see cref="SampleStyle.Range"/>.</param>
    /// <param name="maxSize">Long-edge cap.</param>
    /// <param name="style">How the length is drawn.</param>
    /// <param name="interpolation">Resampling of image pixels.</param>
    public ResizeShortestEdge(IReadOnlyList<int> shortEdgeLength, int maxSize, SampleStyle style = SampleStyle.Choice, ResizeInterpolation interpolation = ResizeInterpolation.Bilinear)
    {
        if (shortEdgeLength.Count == 0 || (style == SampleStyle.Range && shortEdgeLength.Count != 2))
            throw new ArgumentException($"short edge lengths: {shortEdgeLength.Count} values given; choice needs at least 1, range exactly 2", nameof(shortEdgeLength));
        _lengths = shortEdgeLength;
        _maxSize = maxSize;
        _style = style;
        _interpolation = interpolation;
    }

    public ResizeShortestEdge(ResizeShortestEdgeOptions options, TransformContext context)
        : this(options.ShortEdgeLength, options.MaxSize, options.SampleStyle, options.Interpolation)
    {
    }

    public ITransformStep Sample(int height, int width, Random random)
    {
        var length = _style == SampleStyle.Choice ? _lengths[random.Next(_lengths.Count)] : random.Next(_lengths[0], _lengths[1] + 1);
        var (newHeight, newWidth) = OutputSize(height, width, length, _maxSize);
        return newHeight == height && newWidth == width
            ? new IdentityStep(height, width)
            : new ResizeStep(height, width, newHeight, newWidth, _interpolation);
    }

    /// <summary>detectron2's <c>ResizeShortestEdge.get_output_shape</c>: scale by short/min(h, w), cap the long edge, round half up.</summary>
    public static (int Height, int Width) OutputSize(int height, int width, int shortEdge, int maxSize)
    {
        double size = shortEdge;
        var scale = size / Math.Min(height, width);
        var (h, w) = height < width ? (size, scale * width) : (scale * height, size);
        if (Math.Max(h, w) > maxSize)
        {
            var shrink = maxSize / Math.Max(h, w);
            (h, w) = (h * shrink, w * shrink);
        }
        return ((int)(h + 0.5), (int)(w + 0.5));
    }
}
