namespace Panoptic.Abstractions.Data;

/// <summary>How a box is written: COCO's <c>x, y, width, height</c> or corner form <c>x0, y0, x1, y1</c> (absolute pixels).</summary>
public enum BoxMode
{
    XYWH,
    XYXY,
}

/// <summary>One object of an image (detectron2 dataset-dict annotation).</summary>
/// <param name="Box">Four numbers in <paramref name="BoxMode"/>; empty when the source has no box (a panoptic segment without <c>bbox</c>).</param>
/// <param name="BoxMode">How <paramref name="Box"/> is written.</param>
/// <param name="CategoryId">Contiguous class index (0-based).</param>
/// <param name="Polygons">Polygons as flat x,y lists (absolute pixels), or null.</param>
/// <param name="Rle">COCO RLE (<c>counts</c> string, compressed) with its size, or null.</param>
/// <param name="IsCrowd">COCO <c>iscrowd</c>.</param>
/// <param name="Area">Area from the annotation file (COCO evaluation uses it), or null.</param>
public sealed record ObjectAnnotation(
    IReadOnlyList<float> Box,
    BoxMode BoxMode,
    int CategoryId,
    IReadOnlyList<IReadOnlyList<float>>? Polygons = null,
    RleMask? Rle = null,
    bool IsCrowd = false,
    double? Area = null)
{
    /// <summary>The source's annotation id (COCO <c>id</c>), for messages; null when it has none.</summary>
    public long? Id { get; init; }

    /// <summary>The panoptic segment the object is (its mask is the PNG pixels with this id), or null.</summary>
    public int? SegmentId { get; init; }
}

/// <summary>A COCO run-length encoding: compressed <paramref name="Counts"/> of an image of <paramref name="Height"/>×<paramref name="Width"/>.</summary>
public sealed record RleMask(int Height, int Width, string Counts);

/// <summary>One segment of a panoptic annotation (COCO panoptic <c>segments_info</c>).</summary>
/// <param name="Id">Segment id as encoded in the PNG (R + 256·G + 256²·B).</param>
/// <param name="CategoryId">Contiguous class index.</param>
/// <param name="IsThing">Thing (instance) or stuff.</param>
/// <param name="IsCrowd">COCO <c>iscrowd</c>.</param>
/// <param name="Area">Area from the JSON.</param>
public sealed record SegmentInfo(int Id, int CategoryId, bool IsThing, bool IsCrowd = false, double? Area = null);

/// <summary>One image of a dataset (detectron2 "dataset dict"), before any transform.</summary>
/// <param name="ImageId">Identifier from the source (COCO <c>image_id</c>).</param>
/// <param name="FileName">Absolute path of the image file.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Width">Image width in pixels.</param>
public sealed record DatasetRecord(long ImageId, string FileName, int Height, int Width)
{
    /// <summary>Instance annotations (empty for test sets without labels).</summary>
    public IReadOnlyList<ObjectAnnotation> Annotations { get; init; } = [];

    /// <summary>Semantic-segmentation PNG (class index per pixel, 255 = ignore), or null.</summary>
    public string? SemanticSegmentationFile { get; init; }

    /// <summary>Panoptic PNG (ids R + 256·G + 256²·B), or null.</summary>
    public string? PanopticSegmentationFile { get; init; }

    /// <summary>Segments of <see cref="PanopticSegmentationFile"/>.</summary>
    public IReadOnlyList<SegmentInfo> Segments { get; init; } = [];
}
