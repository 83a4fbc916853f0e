using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Plugins.RoIOps.Kernels;
using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.RoIOps.Pooling;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// The multi-level part every RoI feature extractor shares (detectron2 <c>ROIPooler</c>): boxes become (K, 5) RoIs
/// with their image index, go to a pyramid level by size (<see cref="LevelMapper"/>), are pooled per level by
/// <see cref="PoolLevel"/> at scale 1/stride, and come back in input order. With one level every box uses it.
/// </summary>
public abstract class MultiLevelPooler : Module, IRoIFeatureExtractor
{
    protected MultiLevelPooler(RoIFeatureExtractorContext context, int outputSize, int canonicalBoxSize, int canonicalLevel, LevelAssignment assignment)
    {
        if (context.InputShapes.Count == 0)
            throw new ArgumentException("a RoI feature extractor needs at least one input level", nameof(context));
        var strides = context.InputShapes.Select(s => s.Stride).ToList();
        if (strides.Any(s => s <= 0))
            throw new ArgumentException($"input levels need positive strides, got [{string.Join(", ", strides)}]", nameof(context));
        var levels = strides.Select(s => Math.Log2(s)).ToList();
        for (var i = 1; i < levels.Count; i++)
        {
            if (Math.Abs(levels[i] - levels[i - 1] - 1) > 1e-9)
                throw new ArgumentException($"pyramid strides must double from level to level, got [{string.Join(", ", strides)}]", nameof(context));
        }
        OutputSize = outputSize;
        Scales = strides.Select(s => 1.0 / s).ToList();
        Mapper = new LevelMapper((int)Math.Round(levels[0]), (int)Math.Round(levels[^1]), canonicalBoxSize, canonicalLevel, assignment);
    }

    public int OutputSize { get; }

    /// <summary>Spatial scale (1/stride) of each input level.</summary>
    public IReadOnlyList<double> Scales { get; }

    public LevelMapper Mapper { get; }

    public Tensor Forward(IReadOnlyList<Tensor> features, IReadOnlyList<Boxes> boxes)
    {
        if (features.Count != Scales.Count)
            throw new ArgumentException($"expected {Scales.Count} feature levels, got {features.Count}", nameof(features));
        using var scope = Torch.NewDisposeScope();
        var rois = BoxOps.ToRois(boxes.Select(b => b.Tensor).ToList());
        if (features.Count == 1)
            return scope.MoveToOuter(PoolLevel(features[0], rois, Scales[0]));
        var levels = Mapper.Assign(rois.Narrow(1, 1, 4));
        var pooled = new List<Tensor>(features.Count);
        var order = new List<Tensor>(features.Count);
        for (var level = 0; level < features.Count; level++)
        {
            var index = levels.Eq(level).Nonzero().Squeeze(1);
            if (index.Size(0) == 0)
                continue;
            pooled.Add(PoolLevel(features[level], rois.IndexSelect(0, index), Scales[level]));
            order.Add(index);
        }
        if (pooled.Count == 0)
            return scope.MoveToOuter(EmptyPooled.Like(features[0], OutputSize));
        var result = Torch.Cat(pooled, 0).IndexSelect(0, Torch.Cat(order, 0).Argsort());
        return scope.MoveToOuter(result);
    }

    /// <summary>Pools RoIs from one level.</summary>
    /// <param name="feature">(N, C, H, W) features of the level.</param>
    /// <param name="rois">(K, 5) rows (image index, x0, y0, x1, y1) in input-image pixels.</param>
    /// <param name="spatialScale">Feature pixels per input pixel (1/stride).</param>
    /// <returns>(K, C, S, S) with S = <see cref="OutputSize"/>.</returns>
    protected abstract Tensor PoolLevel(Tensor feature, Tensor rois, double spatialScale);
}
