namespace Panoptic.Evaluation.Coco;

/// <summary>What a detection is compared by: its box or its mask (pycocotools' <c>iouType</c>).</summary>
public enum CocoIouType
{
    /// <summary>Box IoU (<c>bbox</c>).</summary>
    Bbox,

    /// <summary>Mask IoU on RLE masks (<c>segm</c>).</summary>
    Segm,
}

/// <summary>Parsing and printing of <see cref="CocoIouType"/> by pycocotools' names.</summary>
public static class CocoIouTypes
{
    /// <summary>"bbox" or "segm".</summary>
    public static string Name(this CocoIouType type) => type == CocoIouType.Bbox ? "bbox" : "segm";

    /// <summary>Parses "bbox" or "segm" (case-insensitive).</summary>
    public static bool TryParse(string? text, out CocoIouType type)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "bbox":
                type = CocoIouType.Bbox;
                return true;
            case "segm":
                type = CocoIouType.Segm;
                return true;
            default:
                type = default;
                return false;
        }
    }
}
