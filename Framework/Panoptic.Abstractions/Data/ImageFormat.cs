namespace Panoptic.Abstractions.Data;

/// <summary>Channel order images are decoded to (detectron2 <c>INPUT.FORMAT</c>).</summary>
public enum ImageFormat
{
    BGR,
    RGB,
}

/// <summary>How instance masks are carried through the data pipeline (detectron2 <c>INPUT.MASK_FORMAT</c>).</summary>
public enum MaskFormat
{
    Polygon,
    Bitmask,
}
