using Panoptic.Torch;

namespace Panoptic.Abstractions.Structures;

/// <summary>One segment of a panoptic prediction (an entry of detectron2's / COCO's <c>segments_info</c>).</summary>
/// <param name="Id">Value of the segment's pixels in <see cref="PanopticResult.Segmentation"/> (≥ 1; 0 is void).</param>
/// <param name="CategoryId">
/// The dataset's category id (COCO ids, with gaps), mapped from <paramref name="ClassIndex"/> through the dataset
/// metadata; equal to <paramref name="ClassIndex"/> when no metadata was given.
/// </param>
/// <param name="ClassIndex">Contiguous class: thing index 0..T-1 for things, semantic label 1..S for stuff.</param>
/// <param name="IsThing">From an instance (true) or from the semantic head (false).</param>
/// <param name="Area">Pixel count of the segment in the map.</param>
/// <param name="Score">Instance score for things; null for stuff.</param>
/// <param name="InstanceId">Index of the instance it came from (its row in the input instances), for things.</param>
public sealed record PanopticSegment(
    int Id, int CategoryId, int ClassIndex, bool IsThing, long Area, double? Score = null, int? InstanceId = null);

/// <summary>A panoptic prediction for one image (detectron2 <c>panoptic_seg</c>).</summary>
/// <param name="Segmentation">(H, W) int32 segment ids; 0 is void.</param>
/// <param name="Segments">The segments present, in id order (ids 1, 2, … without gaps).</param>
public sealed record PanopticResult(Tensor Segmentation, IReadOnlyList<PanopticSegment> Segments);
