namespace Panoptic.Evaluation.Coco;

/// <summary>An entry of a COCO file's <c>categories</c>.</summary>
public sealed record CocoCategory(int Id, string Name, string? Supercategory = null);
