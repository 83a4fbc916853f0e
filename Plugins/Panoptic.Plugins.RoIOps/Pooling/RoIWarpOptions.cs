using System.ComponentModel.DataAnnotations;

namespace Panoptic.Plugins.RoIOps.Pooling;

/// <summary>Options of <c>RoIWarp</c>.</summary>
public sealed record RoIWarpOptions : RoIPoolerOptions
{
    /// <summary>Bilinear samples per bin side (1: one sample at each bin centre); 0 adapts to the box size.</summary>
    [Range(0, 64)]
    public int SamplingRatio { get; init; } = 1;
}
