using Panoptic.Modeling.Geometry;
using Panoptic.Torch;

namespace Panoptic.Plugins.RoIOps.Pooling;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Assigns boxes to feature-pyramid levels by size (FPN paper eq. 1): a box of side <see cref="CanonicalBoxSize"/>
/// goes to <see cref="CanonicalLevel"/>, each doubling of the side one level up, clamped to the available levels.
/// </summary>
public sealed class LevelMapper
{
    public LevelMapper(int minLevel, int maxLevel, int canonicalBoxSize = 224, int canonicalLevel = 4,
        LevelAssignment assignment = LevelAssignment.Detectron2)
    {
        if (maxLevel < minLevel)
            throw new ArgumentException($"max level {maxLevel} is below min level {minLevel}");
        (MinLevel, MaxLevel, CanonicalBoxSize, CanonicalLevel, Assignment) = (minLevel, maxLevel, canonicalBoxSize, canonicalLevel, assignment);
    }

    /// <summary>log2 of the finest level's stride.</summary>
    public int MinLevel { get; }

    /// <summary>log2 of the coarsest level's stride.</summary>
    public int MaxLevel { get; }

    public int CanonicalBoxSize { get; }

    public int CanonicalLevel { get; }

    public LevelAssignment Assignment { get; }

    /// <param name="boxes">(K, 4) boxes in input-image pixels.</param>
    /// <returns>(K,) int64 index of the level among the pooled ones (0 = finest).</returns>
    public Tensor Assign(Tensor boxes)
    {
        using var scope = Torch.NewDisposeScope();
        var sizes = BoxOps.Area(boxes).Sqrt();
        var level = Assignment == LevelAssignment.Torchvision
            ? ((sizes / CanonicalBoxSize).Log2() + CanonicalLevel + 1e-6).Floor()
            : ((sizes / CanonicalBoxSize + 1e-8).Log2() + CanonicalLevel).Floor();
        var index = level.Clamp(MinLevel, MaxLevel).Long() - MinLevel;
        return scope.MoveToOuter(index);
    }
}
