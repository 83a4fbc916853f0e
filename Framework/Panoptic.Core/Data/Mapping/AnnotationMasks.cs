using Panoptic.Abstractions.Data;
using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Masks;
using EvalRle = Panoptic.Evaluation.Masks.RleMask;

namespace Panoptic.Core.Data.Mapping;

/// <summary>
/// The mask of an annotation at its image's size, rasterised by Panoptic.Evaluation exactly as pycocotools does
/// (polygon parts united; compressed RLE decoded).
/// </summary>
public static class AnnotationMasks
{
    /// <summary>True when the annotation carries a polygon or RLE segmentation.</summary>
    public static bool HasMask(ObjectAnnotation annotation) => annotation.Polygons is { Count: > 0 } || annotation.Rle is not null;

    /// <summary>The annotation's mask as an RLE of <paramref name="height"/> × <paramref name="width"/>.</summary>
    /// <param name="annotation">Polygons or RLE.</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    /// <param name="source">The file the record came from, for messages.</param>
    /// <param name="imageId">The image, for messages.</param>
    /// <exception cref="DatasetDataException">No segmentation, an RLE of another size, or undecodable counts/polygons.</exception>
    public static EvalRle ToRle(ObjectAnnotation annotation, int height, int width, string source, string imageId)
    {
        try
        {
            if (annotation.Rle is { } rle)
            {
                if (rle.Height != height || rle.Width != width)
                    throw Problem(DatasetProblemKind.SizeMismatch, source, imageId, $"RLE of {rle.Height}x{rle.Width} on an image of {height}x{width}");
                return RleString.Decode(rle.Counts, height, width);
            }
            if (annotation.Polygons is { Count: > 0 } polygons)
                return new PolygonSegmentation(polygons.Select(p => p.Select(v => (double)v).ToArray()).ToList()).ToMask(height, width);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw Problem(DatasetProblemKind.InvalidMask, source, imageId, e.Message);
        }
        throw Problem(DatasetProblemKind.InvalidMask, source, imageId, "annotation has no segmentation");
    }

    /// <summary>Row-major bitmaps (1 = set) of several annotations, one after another: (N·H·W) bytes.</summary>
    public static byte[] ToRowMajor(IReadOnlyList<ObjectAnnotation> annotations, int height, int width, string source, string imageId)
    {
        var plane = height * width;
        var pixels = new byte[(long)annotations.Count * plane];
        for (var i = 0; i < annotations.Count; i++)
            RleBitmap.ToRowMajor(ToRle(annotations[i], height, width, source, imageId)).CopyTo(pixels, (long)i * plane);
        return pixels;
    }

    private static DatasetDataException Problem(DatasetProblemKind kind, string source, string imageId, string message) =>
        new(new DatasetProblem(kind, source, message, imageId));
}
