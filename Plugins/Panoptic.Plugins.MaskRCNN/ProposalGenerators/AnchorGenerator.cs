using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Anchors of every feature level (detectron2 <c>DefaultAnchorGenerator</c>, torchvision <c>AnchorGenerator</c> by
/// options): per location, one zero-centred cell anchor per (size, ratio) with w = √(size²/ratio), h = ratio·w —
/// size-major — optionally rounded to integers; shifted to each grid point (x·stride + offset·stride), locations
/// row-major and cells innermost.
/// </summary>
public sealed class AnchorGenerator
{
    private readonly float[][] _cells;

    /// <param name="sizes">Sizes per level (one list is repeated for every level).</param>
    /// <param name="aspectRatios">Ratios (h/w) per level (one list is repeated).</param>
    /// <param name="strides">Nominal stride of each level.</param>
    /// <param name="offset">Centre offset in strides.</param>
    /// <param name="roundCellAnchors">Round cell anchors to integers (torchvision).</param>
    /// <param name="strideMode">Nominal strides, or padded image size // grid size (torchvision).</param>
    public AnchorGenerator(IReadOnlyList<IReadOnlyList<double>> sizes, IReadOnlyList<IReadOnlyList<double>> aspectRatios,
        IReadOnlyList<int> strides, double offset = 0, bool roundCellAnchors = false, AnchorStrides strideMode = AnchorStrides.Nominal)
    {
        var levels = strides.Count;
        var perLevelSizes = Broadcast(sizes, levels, "sizes");
        var perLevelRatios = Broadcast(aspectRatios, levels, "aspect_ratios");
        _cells = Enumerable.Range(0, levels).Select(l => CellAnchors(perLevelSizes[l], perLevelRatios[l], roundCellAnchors)).ToArray();
        Strides = strides;
        Offset = offset;
        StrideMode = strideMode;
    }

    public IReadOnlyList<int> Strides { get; }

    public double Offset { get; }

    public AnchorStrides StrideMode { get; }

    /// <summary>Cell anchors per location on each level (the same on every level for the RPN head).</summary>
    public IReadOnlyList<int> AnchorsPerLocation => _cells.Select(c => c.Length / 4).ToList();

    /// <summary>Anchors of each level.</summary>
    /// <param name="gridSizes">(H_l, W_l) of each level's feature map.</param>
    /// <param name="paddedImage">(H, W) of the padded batch (used by <see cref="AnchorStrides.ImageOverGrid"/>).</param>
    /// <param name="device">Where to create them.</param>
    /// <returns>Per level (H_l·W_l·A, 4) float32 x0, y0, x1, y1.</returns>
    public IReadOnlyList<Tensor> GridAnchors(IReadOnlyList<(long Height, long Width)> gridSizes, (long Height, long Width) paddedImage, Device? device = null)
    {
        if (gridSizes.Count != _cells.Length)
            throw new ArgumentException($"anchors are defined for {_cells.Length} levels, got {gridSizes.Count} feature maps", nameof(gridSizes));
        var anchors = new List<Tensor>(gridSizes.Count);
        for (var level = 0; level < gridSizes.Count; level++)
        {
            using var scope = Torch.NewDisposeScope();
            var (height, width) = gridSizes[level];
            var (strideY, strideX) = StrideMode == AnchorStrides.ImageOverGrid
                ? (paddedImage.Height / height, paddedImage.Width / width)
                : (Strides[level], Strides[level]);
            var shiftX = Torch.Arange(0L, width, 1L, DType.Float32, device) * strideX + Offset * strideX;
            var shiftY = Torch.Arange(0L, height, 1L, DType.Float32, device) * strideY + Offset * strideY;
            var grid = Torch.Meshgrid([shiftY, shiftX]);
            var (y, x) = (grid[0].Reshape(-1), grid[1].Reshape(-1));
            var shifts = Torch.Stack([x, y, x, y], 1);
            var cells = Torch.From(_cells[level], _cells[level].Length / 4, 4).To(device ?? Device.Cpu);
            anchors.Add(scope.MoveToOuter((shifts.View(-1, 1, 4) + cells.View(1, -1, 4)).Reshape(-1, 4)));
        }
        return anchors;
    }

    private static float[] CellAnchors(IReadOnlyList<double> sizes, IReadOnlyList<double> ratios, bool round)
    {
        var cells = new List<float>();
        foreach (var size in sizes)
        {
            foreach (var ratio in ratios)
            {
                var (width, height) = round ? TorchvisionSize(size, ratio) : (Math.Sqrt(size * size / ratio), ratio * Math.Sqrt(size * size / ratio));
                float[] box = [(float)(-width / 2), (float)(-height / 2), (float)(width / 2), (float)(height / 2)];
                cells.AddRange(round ? box.Select(v => MathF.Round(v)) : box);
            }
        }
        return [.. cells];
    }

    /// <summary>torchvision's float32 arithmetic: h = √ratio·size, w = size/√ratio (rounded afterwards, so only halves matter).</summary>
    private static (double Width, double Height) TorchvisionSize(double size, double ratio)
    {
        var heightRatio = MathF.Sqrt((float)ratio);
        var widthRatio = 1f / heightRatio;
        return (widthRatio * (float)size, heightRatio * (float)size);
    }

    private static IReadOnlyList<IReadOnlyList<double>> Broadcast(IReadOnlyList<IReadOnlyList<double>> values, int levels, string key)
    {
        if (values.Count == 1)
            return Enumerable.Repeat(values[0], levels).ToList();
        if (values.Count != levels)
            throw new ArgumentException($"anchor_generator.{key} has {values.Count} lists for {levels} feature levels; give one list per level or one for all");
        return values;
    }
}
