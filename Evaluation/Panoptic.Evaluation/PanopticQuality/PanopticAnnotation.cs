namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>An entry of a COCO panoptic file's <c>annotations</c>: the image, its PNG file name and its segments.</summary>
public sealed record PanopticAnnotation(string ImageId, string FileName, IReadOnlyList<PanopticSegment> Segments);
