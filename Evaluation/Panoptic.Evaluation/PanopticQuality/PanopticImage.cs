namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>
/// One image's panoptic segmentation in memory: a row-major map of segment ids (<see cref="Height"/> ×
/// <see cref="Width"/>, 0 = VOID) and the segments' descriptions.
/// </summary>
/// <param name="ImageId">Image id.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Ids">Segment id of each pixel, row-major.</param>
/// <param name="Segments">The segments (ids other than 0 that the map uses).</param>
/// <param name="Source">What the map came from (a PNG path), for messages.</param>
public sealed record PanopticImage(string ImageId, int Width, int Height, int[] Ids, IReadOnlyList<PanopticSegment> Segments, string Source = "")
{
    /// <summary>Reads an annotation's PNG from a folder.</summary>
    /// <exception cref="PanopticDataException">Missing or unreadable PNG.</exception>
    public static PanopticImage Load(PanopticAnnotation annotation, string folder)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        var path = Path.Combine(folder, annotation.FileName);
        var (width, height) = PanopticIds.ReadPng(path, annotation.ImageId, n => new int[n], out var ids);
        return new PanopticImage(annotation.ImageId, width, height, ids, annotation.Segments, path);
    }
}
