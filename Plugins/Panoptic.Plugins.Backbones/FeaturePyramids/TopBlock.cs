namespace Panoptic.Plugins.Backbones.FeaturePyramids;

/// <summary>Extra pyramid levels above the last input level.</summary>
public enum TopBlock
{
    /// <summary>No extra level.</summary>
    None,

    /// <summary>P6 = max-pool(P5), stride 2 (detectron2 <c>LastLevelMaxPool</c>, used by RPN).</summary>
    MaxPool,

    /// <summary>P6, P7 by strided convolutions (RetinaNet).</summary>
    P6P7,
}
