using Panoptic.Torch;
using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.RoIOps.Kernels;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// RoIAlign from tensor operations only, no custom kernel: torchvision's <c>roi_align</c> sample points (same float32
/// arithmetic, aligned or not, fixed or adaptive sampling), read by <c>grid_sample</c> with border padding and
/// <c>align_corners</c> — which is RoIAlign's clamping of points within one pixel outside the map — in float64 so the
/// normalised coordinates cost no precision; points further outside count as zero, as in the kernel. Differentiable
/// with respect to the features by autograd.
/// </summary>
public static class RoIAlignByGridSample
{
    /// <summary>Bytes of float64 samples one grid_sample call may produce (RoIs·C·S²·G² values); RoIs are chunked to fit.</summary>
    public const long ChunkBytes = 64L << 20;

    /// <param name="feature">(N, C, H, W) float32 features.</param>
    /// <param name="rois">(K, 5) rows (image index, x0, y0, x1, y1) in input pixels.</param>
    /// <param name="outputSize">Side S of the output.</param>
    /// <param name="spatialScale">Feature pixels per input pixel.</param>
    /// <param name="samplingRatio">Samples per bin side; ≤ 0 for ceil(bin size) per RoI.</param>
    /// <param name="aligned">Shift by half a pixel (ROIAlignV2).</param>
    /// <returns>(K, C, S, S) in the feature's dtype.</returns>
    public static Tensor Forward(Tensor feature, Tensor rois, int outputSize, double spatialScale, int samplingRatio, bool aligned)
    {
        using var scope = Torch.NewDisposeScope();
        var channels = feature.Size(1);
        if (rois.Size(0) == 0)
            return scope.MoveToOuter(EmptyPooled.Like(feature, outputSize));
        var samples = MaxSamplesPerBin(rois, outputSize, spatialScale, samplingRatio, aligned);
        var chunkSize = Math.Max(1L, ChunkBytes / (channels * outputSize * outputSize * samples * samples * sizeof(double)));
        var imageOfRoi = rois.Select(1, 0).Long();
        var parts = new List<Tensor>();
        var order = new List<Tensor>();
        foreach (var image in imageOfRoi.Unique().ToArray<long>())
        {
            var members = imageOfRoi.Eq(image).Nonzero().Squeeze(1);
            var map = feature.Narrow(0, image, 1).To(DType.Float64);
            for (long start = 0; start < members.Size(0); start += chunkSize)
            {
                var chunk = members.Narrow(0, start, Math.Min(chunkSize, members.Size(0) - start));
                parts.Add(PoolImage(map, rois.IndexSelect(0, chunk), outputSize, spatialScale, samplingRatio, aligned, samples).To(feature.DType));
                order.Add(chunk);
            }
        }
        var pooled = Torch.Cat(parts, 0).IndexSelect(0, Torch.Cat(order, 0).Argsort());
        return scope.MoveToOuter(pooled);
    }

    /// <summary>The largest sample grid side G over the RoIs (at least 1).</summary>
    private static int MaxSamplesPerBin(Tensor rois, int size, double spatialScale, int samplingRatio, bool aligned)
    {
        if (samplingRatio > 0)
            return samplingRatio;
        using var scope = Torch.NewDisposeScope();
        var geometry = Geometry(rois, size, spatialScale, samplingRatio, aligned);
        return (int)Math.Max(1, Math.Max(geometry.GridWidth.Max().ToDouble(), geometry.GridHeight.Max().ToDouble()));
    }

    /// <summary>RoIs of one image: map (1, C, H, W) float64 → (K, C, S, S) float64, with G samples per bin side at most.</summary>
    private static Tensor PoolImage(Tensor map, Tensor rois, int size, double spatialScale, int samplingRatio, bool aligned, int samples)
    {
        using var scope = Torch.NewDisposeScope();
        var (height, width) = (map.Size(2), map.Size(3));
        var count = rois.Size(0);
        var (x0, y0, binWidth, binHeight, gridWidth, gridHeight) = Geometry(rois, size, spatialScale, samplingRatio, aligned);

        // (K, S·G) sample coordinates per axis, and whether each sample exists and lies within the map (±1 pixel).
        var (ys, yValid) = Axis(y0, binHeight, gridHeight, size, samples, height);
        var (xs, xValid) = Axis(x0, binWidth, gridWidth, size, samples, width);
        var grid = Torch.Stack([
            Normalise(xs, width).Unsqueeze(1).Expand(count, size * samples, size * samples),
            Normalise(ys, height).Unsqueeze(2).Expand(count, size * samples, size * samples)], 3);
        var sampled = F.GridSample(map, grid.Reshape(1, count * size * samples, size * samples, 2), padding: GridSamplePadding.Border, alignCorners: true);
        var channels = map.Size(1);
        var weights = (yValid.Unsqueeze(2) & xValid.Unsqueeze(1)).To(DType.Float64)
            .Reshape(count, 1, size, samples, size, samples);
        var perRoi = sampled.Reshape(channels, count, size, samples, size, samples).Permute(1, 0, 2, 3, 4, 5);
        var total = (perRoi * weights).Sum([3, 5]);
        var samplesPerBin = (gridHeight * gridWidth).Clamp(min: 1).To(DType.Float64).Reshape(count, 1, 1, 1);
        return scope.MoveToOuter(total / samplesPerBin);
    }

    /// <summary>The kernel's per-RoI start, bin size and samples per bin along x and y (float32).</summary>
    private static (Tensor X0, Tensor Y0, Tensor BinWidth, Tensor BinHeight, Tensor GridWidth, Tensor GridHeight) Geometry(
        Tensor rois, int size, double spatialScale, int samplingRatio, bool aligned)
    {
        var offset = aligned ? 0.5 : 0.0;
        var x0 = rois.Select(1, 1) * spatialScale - offset;
        var y0 = rois.Select(1, 2) * spatialScale - offset;
        var roiWidth = rois.Select(1, 3) * spatialScale - offset - x0;
        var roiHeight = rois.Select(1, 4) * spatialScale - offset - y0;
        if (!aligned)
        {
            roiWidth = roiWidth.Clamp(min: 1);
            roiHeight = roiHeight.Clamp(min: 1);
        }
        var gridWidth = samplingRatio > 0 ? Torch.FullLike(roiWidth, samplingRatio) : (roiWidth / size).Ceil();
        var gridHeight = samplingRatio > 0 ? Torch.FullLike(roiHeight, samplingRatio) : (roiHeight / size).Ceil();
        return (x0, y0, roiWidth / size, roiHeight / size, gridWidth, gridHeight);
    }

    /// <summary>
    /// Sample coordinates start + p·bin + (i + ½)·bin/grid for bins p &lt; S and samples i &lt; G (float32, the kernel's
    /// order of operations), with a mask of the samples that exist (i &lt; grid) and lie in [−1, extent].
    /// </summary>
    private static (Tensor Coordinates, Tensor Valid) Axis(Tensor start, Tensor bin, Tensor grid, int size, int samples, long extent)
    {
        var device = start.Device;
        var bins = Torch.Arange(0L, size, 1L, DType.Float32, device).Reshape(1, size, 1);
        var steps = Torch.Arange(0L, samples, 1L, DType.Float32, device).Reshape(1, 1, samples);
        var binColumn = bin.Reshape(-1, 1, 1);
        var gridColumn = grid.Reshape(-1, 1, 1);
        var coordinates = start.Reshape(-1, 1, 1) + bins * binColumn + (steps + 0.5f) * binColumn / gridColumn;
        var valid = steps.Lt(gridColumn) & coordinates.Ge(-1.0) & coordinates.Le((double)extent);
        return (coordinates.Reshape(-1, size * samples), valid.Reshape(-1, size * samples));
    }

    /// <summary>Pixel coordinates to grid_sample's [−1, 1] (align_corners), in float64; a single pixel maps to 0.</summary>
    private static Tensor Normalise(Tensor coordinates, long extent) =>
        extent > 1 ? coordinates.To(DType.Float64) * (2.0 / (extent - 1)) - 1.0 : Torch.ZerosLike(coordinates).To(DType.Float64);
}
