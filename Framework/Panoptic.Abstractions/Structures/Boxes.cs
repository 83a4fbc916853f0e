using Panoptic.Torch;

namespace Panoptic.Abstractions.Structures;

/// <summary>Axis-aligned boxes (detectron2 <c>Boxes</c>).</summary>
/// <param name="Tensor">(R, 4) float32, corners x0, y0, x1, y1 in absolute pixels.</param>
public sealed record Boxes(Tensor Tensor)
{
    /// <summary>Number of boxes (R).</summary>
    public int Count => (int)Tensor.Size(0);

    /// <summary>(R,) float32 areas (x1 − x0)·(y1 − y0).</summary>
    public Tensor Area()
    {
        using var width = Tensor.Select(1, 2).Sub(Tensor.Select(1, 0));
        using var height = Tensor.Select(1, 3).Sub(Tensor.Select(1, 1));
        return width.Mul(height);
    }
}
