using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Coco;

/// <summary>
/// How results are read, after pycocotools' <c>loadRes</c>: the first result decides for all. With a box, every
/// result's area is its box's width × height (and a missing mask is the box's polygon); without, every result needs
/// a mask, whose pixel count is its area and whose <see cref="RleBox"/> is its box.
/// </summary>
internal enum CocoResultFormat
{
    Box,
    Mask,
}

/// <summary>A result made ready for matching: score, area (picks the bucket) and the geometry the IoU needs.</summary>
internal readonly record struct PreparedDetection(double Score, double Area, BoxXywh Box, RleGeometry Mask);

/// <summary>A result as added to the evaluator, with its position in the results (for messages and tie order).</summary>
internal readonly record struct IndexedDetection(CocoDetection Detection, int Index);

internal static class CocoResultPreparation
{
    /// <summary>The format pycocotools would pick from the first result, after dropping boxes of segm results unless kept.</summary>
    public static CocoResultFormat Choose(CocoDetection? first, CocoEvaluationOptions options)
    {
        var boxesDropped = options.IouType == CocoIouType.Segm && !options.KeepBoxOnSegmResults;
        return first?.Box is not null && !boxesDropped ? CocoResultFormat.Box : CocoResultFormat.Mask;
    }

    public static PreparedDetection Prepare(in IndexedDetection item, CocoResultFormat format, CocoIouType iouType, CocoImage image)
    {
        var d = item.Detection;
        if (format == CocoResultFormat.Box)
        {
            var box = d.Box ?? throw new CocoDataException(
                $"result [{item.Index}] (image {d.ImageId}) has no 'bbox', but the first result has one (as pycocotools' loadRes, the first result sets the format for all)");
            var mask = iouType == CocoIouType.Segm
                ? new RleGeometry(d.Segmentation is null ? PolygonRasterizer.Rasterize(box, image.Height, image.Width) : ToMask(item, image))
                : default;
            return new PreparedDetection(d.Score, box.Area, box, mask);
        }
        var geometry = new RleGeometry(ToMask(item, image));
        return new PreparedDetection(d.Score, geometry.Area, geometry.Box, geometry);
    }

    private static RleMask ToMask(in IndexedDetection item, CocoImage image)
    {
        var d = item.Detection;
        if (d.Segmentation is null)
            throw new CocoDataException($"result [{item.Index}] (image {d.ImageId}) has no 'segmentation' (and no usable 'bbox')");
        try
        {
            return d.Segmentation.ToMask(image.Height, image.Width);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new CocoDataException($"result [{item.Index}] (image {d.ImageId}) has an invalid segmentation: {e.Message}", e);
        }
    }
}
