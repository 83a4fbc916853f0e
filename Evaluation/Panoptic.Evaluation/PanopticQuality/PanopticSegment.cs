using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>
/// An entry of <c>segments_info</c>: the segment's id in the PNG (R + 256·G + 256²·B, never 0 = VOID), its category,
/// crowd flag and area in pixels (from the JSON; ground-truth areas are used as given, prediction areas are
/// recounted from the PNG as panopticapi does).
/// </summary>
public sealed record PanopticSegment(int Id, int CategoryId, bool IsCrowd = false, long? Area = null, BoxXywh? Box = null);
