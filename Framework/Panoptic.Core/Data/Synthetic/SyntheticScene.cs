namespace Panoptic.Core.Data.Synthetic;

/// <summary>One segment of a rendered scene.</summary>
/// <param name="Id">Panoptic segment id (&gt; 0), as stored in <see cref="SyntheticScene.SegmentIds"/>.</param>
/// <param name="CategoryId">Id from <see cref="SyntheticCategories"/>.</param>
/// <param name="IsCrowd">A crowd region (a cluster of small things annotated as one segment).</param>
/// <param name="Area">Visible pixels.</param>
/// <param name="Box">Tight box of the visible pixels, COCO [x, y, w, h].</param>
public sealed record SyntheticSegment(int Id, int CategoryId, bool IsCrowd, int Area, int[] Box);

/// <summary>
/// A rendered scene: RGB pixels (H·W·3, row-major) and, for each pixel, the id of the segment it shows
/// (0 = void, e.g. slivers of things too small to annotate).
/// </summary>
public sealed record SyntheticScene(int Width, int Height, byte[] Rgb, int[] SegmentIds, IReadOnlyList<SyntheticSegment> Segments);
