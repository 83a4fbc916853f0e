using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling.Poolers;

namespace Panoptic.Plugins.MaskRCNN.Modeling;

/// <summary>Options of the <c>ROIAlign</c> pooler (detectron2 <c>ROIPooler</c> with <c>ROIAlignV2</c> / <c>ROIAlign</c>).</summary>
[Component("ROIAlign", Kind = typeof(IRoIFeatureExtractor), Description = "Multi-level RoIAlign; boxes go to levels by size (canonical 224 → level 4).")]
public sealed record ROIAlignOptions : ComponentOptions
{
    /// <summary>Side of the pooled feature (7 for boxes, 14 for masks).</summary>
    [Range(1, 256)]
    public int OutputSize { get; init; } = 14;

    /// <summary>Samples per bin side; 0 adapts to the box size (ceil(bin size)).</summary>
    [Range(0, 64)]
    public int SamplingRatio { get; init; }

    /// <summary>Half-pixel alignment (detectron2 ROIAlignV2); false reproduces torchvision's legacy behaviour.</summary>
    public bool Aligned { get; init; } = true;

    /// <summary>Box size mapped to <see cref="CanonicalLevel"/>.</summary>
    [Range(1, 4096)]
    public int CanonicalBoxSize { get; init; } = 224;

    [Range(0, 10)]
    public int CanonicalLevel { get; init; } = 4;
}
