using Panoptic.Torch;

namespace Panoptic.Modeling.Geometry;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// The R-CNN box transform (detectron2 <c>Box2BoxTransform</c>, torchvision <c>BoxCoder</c>): deltas
/// (dx, dy, dw, dh) = weights · ((x' − x)/w, (y' − y)/h, log(w'/w), log(h'/h)) between centres and sizes. Decoding
/// clamps dw, dh at <see cref="ScaleClamp"/>. The arithmetic follows torchvision's operation order, so decoded boxes
/// are bit-identical to its <c>decode_single</c>.
/// </summary>
public sealed class BoxCoder
{
    /// <summary>log(1000/16): no box grows more than 1000/16 times its reference in one step.</summary>
    public static readonly double DefaultScaleClamp = Math.Log(1000.0 / 16);

    /// <param name="weights">(wx, wy, ww, wh).</param>
    /// <param name="scaleClamp">Upper bound of dw and dh before exponentiation.</param>
    public BoxCoder(IReadOnlyList<double> weights, double? scaleClamp = null)
    {
        if (weights.Count != 4)
            throw new ArgumentException($"box transform weights must be (wx, wy, ww, wh), got {weights.Count} values", nameof(weights));
        Weights = weights;
        ScaleClamp = scaleClamp ?? DefaultScaleClamp;
    }

    public IReadOnlyList<double> Weights { get; }

    public double ScaleClamp { get; }

    /// <summary>Deltas that take <paramref name="sources"/> to <paramref name="targets"/>.</summary>
    /// <param name="sources">(N, 4) reference boxes (anchors, proposals).</param>
    /// <param name="targets">(N, 4) target boxes.</param>
    /// <returns>(N, 4) float32 deltas.</returns>
    public Tensor Encode(Tensor sources, Tensor targets)
    {
        using var scope = Torch.NewDisposeScope();
        var (sourceWidth, sourceHeight, sourceX, sourceY) = Centres(sources);
        var (targetWidth, targetHeight, targetX, targetY) = Centres(targets);
        var dx = (targetX - sourceX) * Weights[0] / sourceWidth;
        var dy = (targetY - sourceY) * Weights[1] / sourceHeight;
        var dw = (targetWidth / sourceWidth).Log() * Weights[2];
        var dh = (targetHeight / sourceHeight).Log() * Weights[3];
        return scope.MoveToOuter(Torch.Stack([dx, dy, dw, dh], 1));
    }

    /// <summary>Applies deltas to reference boxes.</summary>
    /// <param name="deltas">(N, 4·K): K transforms per box (class-specific regression), or (N, 4).</param>
    /// <param name="boxes">(N, 4) reference boxes.</param>
    /// <returns>(N, 4·K) float32 boxes x0, y0, x1, y1.</returns>
    public Tensor Decode(Tensor deltas, Tensor boxes)
    {
        using var scope = Torch.NewDisposeScope();
        var reference = boxes.To(deltas.DType);
        var (width, height, centreX, centreY) = Centres(reference);
        var w = width.Unsqueeze(1);
        var h = height.Unsqueeze(1);
        var dx = deltas.Slice(1, 0, long.MaxValue, 4) / Weights[0];
        var dy = deltas.Slice(1, 1, long.MaxValue, 4) / Weights[1];
        var dw = (deltas.Slice(1, 2, long.MaxValue, 4) / Weights[2]).Clamp(max: ScaleClamp);
        var dh = (deltas.Slice(1, 3, long.MaxValue, 4) / Weights[3]).Clamp(max: ScaleClamp);
        var x = dx * w + centreX.Unsqueeze(1);
        var y = dy * h + centreY.Unsqueeze(1);
        var halfWidth = dw.Exp() * w * 0.5;
        var halfHeight = dh.Exp() * h * 0.5;
        var decoded = Torch.Stack([x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight], 2).Flatten(1);
        return scope.MoveToOuter(decoded);
    }

    /// <summary>Widths, heights and centres of (N, 4) boxes: x0 + 0.5·w as torchvision computes it.</summary>
    private static (Tensor Width, Tensor Height, Tensor CentreX, Tensor CentreY) Centres(Tensor boxes)
    {
        var width = boxes.Select(1, 2) - boxes.Select(1, 0);
        var height = boxes.Select(1, 3) - boxes.Select(1, 1);
        return (width, height, boxes.Select(1, 0) + width * 0.5, boxes.Select(1, 1) + height * 0.5);
    }
}
