namespace Panoptic.Plugins.Backbones.FeaturePyramids;

/// <summary>How FPN merges the lateral and top-down paths.</summary>
public enum FuseType
{
    Sum,
    Avg,
}
