using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.RoIOps.Pooling;

/// <summary>Keys every RoI feature extractor has (detectron2 <c>ROIPooler</c>, torchvision <c>MultiScaleRoIAlign</c>).</summary>
public abstract record RoIPoolerOptions : ComponentOptions
{
    /// <summary>Side of the pooled feature (7 for boxes, 14 for masks).</summary>
    [Range(1, 256)]
    public int OutputSize { get; init; } = 14;

    /// <summary>Box side mapped to <see cref="CanonicalLevel"/>.</summary>
    [Range(1, 4096)]
    public int CanonicalBoxSize { get; init; } = 224;

    /// <summary>Level (log2 stride) of a box of side <see cref="CanonicalBoxSize"/>.</summary>
    [Range(0, 10)]
    public int CanonicalLevel { get; init; } = 4;

    /// <summary>detectron2's or torchvision's rounding of the level formula.</summary>
    public LevelAssignment LevelAssignment { get; init; } = LevelAssignment.Detectron2;
}
