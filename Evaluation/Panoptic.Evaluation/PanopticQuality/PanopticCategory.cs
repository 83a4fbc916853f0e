namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>A COCO panoptic category: things (countable objects) and stuff (amorphous regions) are reported apart.</summary>
public sealed record PanopticCategory(int Id, string Name, bool IsThing, IReadOnlyList<int>? Color = null, string? Supercategory = null);
