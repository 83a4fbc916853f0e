using Panoptic.Torch;
using static Panoptic.Torch.Torch;

namespace Panoptic.Core.Data.Mapping;

/// <summary>Tight boxes of bitmaps (detectron2 <c>BitMasks.get_bounding_boxes</c>).</summary>
public static class MaskBoxes
{
    /// <summary>Box of each mask: x0 = first set column, y0 = first set row, x1/y1 = last set column/row + 1; an empty mask gives (0, 0, 0, 0).</summary>
    /// <param name="masks">(N, H, W) bool.</param>
    /// <returns>(N, 4) float32 corner boxes.</returns>
    public static Tensor FromMasks(Tensor masks)
    {
        using var scope = NewDisposeScope();
        var columns = masks.Any(1);
        var rows = masks.Any(2);
        var (x0, x1) = Extent(columns, masks.Size(2));
        var (y0, y1) = Extent(rows, masks.Size(1));
        var boxes = Stack([x0, y0, x1, y1], 1).To(DType.Float32);
        return scope.MoveToOuter(boxes);
    }

    /// <summary>First and one-past-last set index along the last axis of (N, L) bool; (0, 0) where nothing is set.</summary>
    private static (Tensor First, Tensor End) Extent(Tensor any, long length)
    {
        var positions = Arange(length).Unsqueeze(0);
        var first = Where(any, positions, length).Min(1).Values;
        var end = Where(any, positions + 1, 0).Max(1).Values;
        var present = any.Any(1);
        return (Where(present, first, 0), end);
    }
}
