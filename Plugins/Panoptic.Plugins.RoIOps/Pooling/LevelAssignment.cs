namespace Panoptic.Plugins.RoIOps.Pooling;

/// <summary>How a box's pyramid level is computed from its size (both are floor(k0 + log2(√area / s0)), clamped).</summary>
public enum LevelAssignment
{
    /// <summary>detectron2 <c>assign_boxes_to_levels</c>: floor(k0 + log2(√area / s0 + 1e-8)).</summary>
    Detectron2,

    /// <summary>torchvision <c>LevelMapper</c>: floor(k0 + log2(√area / s0) + 1e-6).</summary>
    Torchvision,
}
