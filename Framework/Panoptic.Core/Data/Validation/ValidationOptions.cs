namespace Panoptic.Core.Data.Validation;

/// <summary>What <see cref="DatasetValidator"/> checks beyond the annotation files themselves.</summary>
public sealed record ValidationOptions
{
    /// <summary>Decode every image to check it is readable and of the annotated size (slow); otherwise only that it exists.</summary>
    public bool DecodeImages { get; init; }

    /// <summary>How far a box may reach outside its image, in pixels (rounding in the files).</summary>
    public double BoxTolerance { get; init; } = 1e-3;

    /// <summary>
    /// Polygon annotations: how far the JSON area may be from the rasterised mask's pixel count, relative (COCO areas of
    /// polygons are polygon areas, not pixel counts). RLE annotations and panoptic segments must match within 0.5 px.
    /// </summary>
    public double PolygonAreaTolerance { get; init; } = 0.1;

    /// <summary>Polygon annotations: absolute slack in pixels added to <see cref="PolygonAreaTolerance"/> (small objects).</summary>
    public double PolygonAreaSlack { get; init; } = 16;

    /// <summary>Threads reading PNGs and masks; null for all cores.</summary>
    public int? MaxParallelism { get; init; }
}
