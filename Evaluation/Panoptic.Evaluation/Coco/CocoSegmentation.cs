using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Coco;

/// <summary>
/// The <c>segmentation</c> of a COCO annotation or result: polygons, an uncompressed RLE (counts as numbers) or a
/// compressed RLE (counts as pycocotools' string). <see cref="ToMask"/> turns any of them into an
/// <see cref="RleMask"/> as pycocotools' <c>COCO.annToRLE</c> does.
/// </summary>
public abstract record CocoSegmentation
{
    private protected CocoSegmentation()
    {
    }

    /// <summary>The mask this segmentation describes on an image of the given size (used by polygons only; RLEs carry their own size).</summary>
    /// <exception cref="ArgumentException">Invalid polygons or counts.</exception>
    /// <exception cref="FormatException">A malformed compressed counts string.</exception>
    public abstract RleMask ToMask(int imageHeight, int imageWidth);

    /// <summary>Wraps an in-memory mask (written to JSON as a compressed RLE).</summary>
    public static CocoSegmentation FromMask(RleMask mask) => new UncompressedRleSegmentation(mask);
}

/// <summary>
/// One or more polygons <c>[[x1, y1, x2, y2, ...], ...]</c> in pixels; the parts are rasterised with
/// <see cref="PolygonRasterizer"/> and united. As in pycocotools' <c>frPyObjects</c>, when the first part has exactly
/// four numbers every part is read as a box <c>[x, y, w, h]</c> instead.
/// </summary>
public sealed record PolygonSegmentation(IReadOnlyList<double[]> Polygons) : CocoSegmentation
{
    public override RleMask ToMask(int imageHeight, int imageWidth)
    {
        if (Polygons.Count == 0)
            throw new ArgumentException("a polygon segmentation needs at least one polygon");
        var first = Polygons[0].Length;
        if (first < 4)
            throw new ArgumentException($"the first polygon has {first} numbers; pycocotools needs at least 4");
        var parts = new RleMask[Polygons.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var polygon = Polygons[i];
            if (first == 4)
            {
                if (polygon.Length != 4)
                    throw new ArgumentException($"part {i} has {polygon.Length} numbers: when the first part has 4 numbers, pycocotools reads every part as a box [x, y, w, h]");
                parts[i] = PolygonRasterizer.Rasterize(BoxXywh.FromArray(polygon), imageHeight, imageWidth);
            }
            else
            {
                parts[i] = PolygonRasterizer.Rasterize(polygon, imageHeight, imageWidth);
            }
        }
        return RleMerge.Merge(parts);
    }
}

/// <summary>An RLE with numeric counts (<c>{"size": [h, w], "counts": [n0, n1, ...]}</c>), held as a decoded mask.</summary>
public sealed record UncompressedRleSegmentation(RleMask Mask) : CocoSegmentation
{
    public override RleMask ToMask(int imageHeight, int imageWidth) => Mask;
}

/// <summary>An RLE with pycocotools' compressed counts string (<c>{"size": [h, w], "counts": "..."}</c>), decoded on demand.</summary>
public sealed record CompressedRleSegmentation(int Height, int Width, string Counts) : CocoSegmentation
{
    public override RleMask ToMask(int imageHeight, int imageWidth) => RleString.Decode(Counts, Height, Width);

    /// <summary>Compresses a mask.</summary>
    public static CompressedRleSegmentation Compress(RleMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return new CompressedRleSegmentation(mask.Height, mask.Width, RleString.Encode(mask));
    }
}
