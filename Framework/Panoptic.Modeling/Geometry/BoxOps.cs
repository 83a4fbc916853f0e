using Panoptic.Torch;

namespace Panoptic.Modeling.Geometry;

using Torch = Panoptic.Torch.Torch;

/// <summary>Operations on (N, 4) x0, y0, x1, y1 box tensors (detectron2 <c>structures/boxes.py</c>, torchvision <c>ops/boxes.py</c>).</summary>
public static class BoxOps
{
    /// <summary>(N,) areas (x1 − x0)·(y1 − y0).</summary>
    public static Tensor Area(Tensor boxes)
    {
        using var scope = Torch.NewDisposeScope();
        var width = boxes.Select(1, 2) - boxes.Select(1, 0);
        var height = boxes.Select(1, 3) - boxes.Select(1, 1);
        return scope.MoveToOuter(width * height);
    }

    /// <summary>
    /// (N, M) intersection over union of every pair; 0 where the boxes do not intersect (so empty boxes give 0, not NaN).
    /// </summary>
    /// <param name="a">(N, 4) boxes.</param>
    /// <param name="b">(M, 4) boxes.</param>
    public static Tensor PairwiseIou(Tensor a, Tensor b)
    {
        using var scope = Torch.NewDisposeScope();
        var intersection = PairwiseIntersection(a, b);
        var union = Area(a).Unsqueeze(1) + Area(b) - intersection;
        var iou = Torch.Where(intersection > 0, intersection / union, 0.0);
        return scope.MoveToOuter(iou);
    }

    /// <summary>(N, M) intersection areas of every pair.</summary>
    public static Tensor PairwiseIntersection(Tensor a, Tensor b)
    {
        using var scope = Torch.NewDisposeScope();
        var lowerRight = Torch.Minimum(a[.., TensorIndex.NewAxis, 2..], b[.., 2..]);
        var upperLeft = Torch.Maximum(a[.., TensorIndex.NewAxis, ..2], b[.., ..2]);
        var size = (lowerRight - upperLeft).Clamp(min: 0);
        return scope.MoveToOuter(size.Select(2, 0) * size.Select(2, 1));
    }

    /// <summary>
    /// Boxes (N, 4), or (N, K·4) for K boxes per row, with x clamped to [0, <paramref name="width"/>] and y to
    /// [0, <paramref name="height"/>].
    /// </summary>
    public static Tensor Clip(Tensor boxes, long height, long width)
    {
        using var scope = Torch.NewDisposeScope();
        var shape = boxes.Shape;
        var coordinates = boxes.Reshape(-1, 2, 2);
        var x = coordinates.Select(2, 0).Clamp(0, width);
        var y = coordinates.Select(2, 1).Clamp(0, height);
        return scope.MoveToOuter(Torch.Stack([x, y], 2).Reshape(shape));
    }

    /// <summary>
    /// (N,) bool: boxes at least <paramref name="minSize"/> wide and high (torchvision <c>remove_small_boxes</c>); with
    /// <paramref name="minSize"/> 0, boxes of positive width and height (detectron2 <c>nonempty</c>).
    /// </summary>
    public static Tensor SizeAtLeast(Tensor boxes, double minSize)
    {
        using var scope = Torch.NewDisposeScope();
        var width = boxes.Select(1, 2) - boxes.Select(1, 0);
        var height = boxes.Select(1, 3) - boxes.Select(1, 1);
        var keep = minSize > 0 ? width.Ge(minSize) & height.Ge(minSize) : (width > 0.0) & (height > 0.0);
        return scope.MoveToOuter(keep);
    }

    /// <summary>(K, 5) rows (image index, x0, y0, x1, y1) for RoI ops from per-image (R_i, 4) boxes.</summary>
    public static Tensor ToRois(IReadOnlyList<Tensor> boxesPerImage)
    {
        using var scope = Torch.NewDisposeScope();
        var rows = new List<Tensor>(boxesPerImage.Count);
        for (var i = 0; i < boxesPerImage.Count; i++)
        {
            var boxes = boxesPerImage[i];
            var index = Torch.Full([boxes.Size(0), 1], i, boxes.DType, boxes.Device);
            rows.Add(Torch.Cat([index, boxes], 1));
        }
        var rois = rows.Count == 0 ? Torch.Zeros([0, 5]) : Torch.Cat(rows, 0);
        return scope.MoveToOuter(rois);
    }
}
