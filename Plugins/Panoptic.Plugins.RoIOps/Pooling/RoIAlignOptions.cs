using System.ComponentModel.DataAnnotations;

namespace Panoptic.Plugins.RoIOps.Pooling;

/// <summary>Options of <c>RoIAlign</c> and <c>RoIAlignOps</c> (detectron2 <c>ROIAlignV2</c> / <c>ROIAlign</c>).</summary>
public sealed record RoIAlignOptions : RoIPoolerOptions
{
    /// <summary>Samples per bin side; 0 adapts to the box size (ceil(bin size)).</summary>
    [Range(0, 64)]
    public int SamplingRatio { get; init; }

    /// <summary>Half-pixel alignment (detectron2 ROIAlignV2); false reproduces torchvision's legacy behaviour.</summary>
    public bool Aligned { get; init; } = true;
}
