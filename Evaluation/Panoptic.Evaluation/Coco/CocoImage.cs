namespace Panoptic.Evaluation.Coco;

/// <summary>An entry of a COCO file's <c>images</c>: id and size in pixels.</summary>
public sealed record CocoImage(long Id, int Width, int Height, string? FileName = null);
