using Panoptic.Torch;

namespace Panoptic.Plugins.RoIOps.Kernels;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// RoIPool (Fast R-CNN; torchvision <c>roi_pool</c> semantics) from tensor operations: quantised boundaries
/// (<see cref="QuantisedRoI"/>), bin p of n over an extent L covering [⌊p·L/n⌋, ⌈(p+1)·L/n⌉) (float32), clipped to the
/// map; the maximum over each bin, 0 for an empty bin. Separable: a maximum over each bin's rows, then over its
/// columns. Differentiable with respect to the features.
/// </summary>
public static class RoIMaxPool
{
    /// <param name="feature">(N, C, H, W).</param>
    /// <param name="rois">(K, 5) rows (image index, x0, y0, x1, y1) in input pixels.</param>
    /// <param name="outputSize">Side S of the output.</param>
    /// <param name="spatialScale">Feature pixels per input pixel.</param>
    /// <returns>(K, C, S, S).</returns>
    public static Tensor Forward(Tensor feature, Tensor rois, int outputSize, double spatialScale)
    {
        using var scope = Torch.NewDisposeScope();
        var (channels, height, width) = (feature.Size(1), feature.Size(2), feature.Size(3));
        var pooled = new List<Tensor>();
        foreach (var roi in QuantisedRoI.From(rois, spatialScale))
        {
            using var roiScope = Torch.NewDisposeScope();
            var map = feature.Select(0, roi.Image);
            var rows = Bins(roi.Y0, roi.Height, outputSize, height)
                .Select(bin => bin.Length > 0 ? map.Narrow(1, bin.Start, bin.Length).Max(1).Values : Torch.Zeros([channels, width], feature.DType, feature.Device))
                .ToList();
            var byRows = Torch.Stack(rows, 1);
            var cells = Bins(roi.X0, roi.Width, outputSize, width)
                .Select(bin => bin.Length > 0 ? byRows.Narrow(2, bin.Start, bin.Length).Max(2).Values : Torch.Zeros([channels, outputSize], feature.DType, feature.Device))
                .ToList();
            pooled.Add(roiScope.MoveToOuter(Torch.Stack(cells, 2)));
        }
        var result = pooled.Count == 0 ? EmptyPooled.Like(feature, outputSize) : Torch.Stack(pooled, 0);
        return scope.MoveToOuter(result);
    }

    /// <summary>The S bins of an extent of <paramref name="length"/> pixels from <paramref name="start"/>, clipped to [0, limit).</summary>
    private static IEnumerable<(long Start, long Length)> Bins(int start, int length, int count, long limit)
    {
        var binSize = (float)length / count;
        for (var p = 0; p < count; p++)
        {
            var from = Math.Clamp((long)MathF.Floor(p * binSize) + start, 0, limit);
            var to = Math.Clamp((long)MathF.Ceiling((p + 1) * binSize) + start, 0, limit);
            yield return (from, Math.Max(0, to - from));
        }
    }
}
