using Panoptic.Torch;

namespace Panoptic.Abstractions.Structures;

/// <summary>One segment of a panoptic prediction.</summary>
/// <param name="Id">Value of the segment's pixels in <see cref="PanopticResult.Segmentation"/> (≥ 1; 0 is void).</param>
/// <param name="CategoryId">Contiguous class index (thing or stuff space per <paramref name="IsThing"/>).</param>
/// <param name="IsThing">From an instance (true) or from the semantic head (false).</param>
/// <param name="Area">Pixel count.</param>
/// <param name="Score">Instance score for things; null for stuff.</param>
/// <param name="InstanceId">Index of the instance it came from, for things.</param>
public sealed record PanopticSegment(int Id, int CategoryId, bool IsThing, long Area, double? Score = null, int? InstanceId = null);

/// <summary>A panoptic prediction for one image (detectron2 <c>panoptic_seg</c>).</summary>
/// <param name="Segmentation">(H, W) int32 segment ids; 0 is void.</param>
/// <param name="Segments">The segments present.</param>
public sealed record PanopticResult(Tensor Segmentation, IReadOnlyList<PanopticSegment> Segments);
