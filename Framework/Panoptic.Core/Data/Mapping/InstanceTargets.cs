using System.Globalization;
using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using static Panoptic.Torch.Torch;

namespace Panoptic.Core.Data.Mapping;

/// <summary>
/// Ground-truth instances from a record's annotations (detectron2 <c>transform_instance_annotations</c> +
/// <c>annotations_to_instances</c> + <c>filter_empty_instances</c>): crowds dropped, boxes transformed corner by
/// corner then clipped, empty boxes dropped, masks as transformed polygons or as bitmaps put through the same steps.
/// </summary>
internal static class InstanceTargets
{
    /// <summary>Builds <c>gt_boxes</c>, <c>gt_classes</c> and — when every annotation has a segmentation — <c>gt_masks</c>.</summary>
    /// <exception cref="DatasetDataException">A box is missing, segmentations are present on some annotations only, or polygons are asked for RLE masks.</exception>
    public static Instances Build(DatasetRecord record, TransformSteps steps, MapperOptions options)
    {
        var source = record.FileName;
        var imageId = record.ImageId.ToString(CultureInfo.InvariantCulture);
        var (height, width) = steps.OutputSize;
        var kept = new List<ObjectAnnotation>();
        var boxes = new List<float>();
        Span<float> box = stackalloc float[4];
        foreach (var annotation in record.Annotations.Where(a => !a.IsCrowd))
        {
            ToCorners(annotation, box, source, imageId);
            steps.ApplyBox(box);
            Clip(box, width, height);
            if (box[2] - box[0] <= options.MinBoxSize || box[3] - box[1] <= options.MinBoxSize)
                continue;
            kept.Add(annotation);
            boxes.AddRange(box);
        }
        var instances = new Instances(height, width);
        instances.Set(InstanceFields.GtBoxes, new Boxes(From(boxes.ToArray(), kept.Count, 4)));
        instances.Set(InstanceFields.GtClasses, From(kept.Select(a => (long)a.CategoryId).ToArray(), kept.Count));
        var withMask = kept.Count(AnnotationMasks.HasMask);
        if (withMask != 0 && withMask != kept.Count)
            throw Problem(DatasetProblemKind.InvalidMask, source, imageId, $"{withMask} of {kept.Count} annotations have a segmentation; all or none must");
        if (withMask == kept.Count && record.Annotations.Any(AnnotationMasks.HasMask))
            instances.Set(InstanceFields.GtMasks, Masks(record, kept, steps, options.MaskFormat, source, imageId));
        return instances;
    }

    private static object Masks(DatasetRecord record, List<ObjectAnnotation> kept, TransformSteps steps, MaskFormat format, string source, string imageId)
    {
        if (format == MaskFormat.Polygon)
        {
            if (kept.Any(a => a.Polygons is null))
                throw Problem(DatasetProblemKind.InvalidMask, source, imageId,
                    "an annotation is an RLE but dataset.mask_format is polygon; set dataset.mask_format: bitmask");
            return new PolygonMasks(kept.Select(a => (IReadOnlyList<float[]>)a.Polygons!.Select(p =>
            {
                var xy = p.ToArray();
                steps.ApplyCoords(xy);
                return xy;
            }).ToList()).ToList());
        }
        var pixels = AnnotationMasks.ToRowMajor(kept, record.Height, record.Width, source, imageId);
        using var original = From(pixels, kept.Count, record.Height, record.Width);
        var transformed = steps.ApplySegmentation(original);
        var masks = transformed.To(DType.Bool);
        if (!ReferenceEquals(transformed, original))
            transformed.Dispose();
        return new BitMasks(masks);
    }

    private static void ToCorners(ObjectAnnotation annotation, Span<float> corners, string source, string imageId)
    {
        var b = annotation.Box;
        if (b.Count != 4)
            throw Problem(DatasetProblemKind.BoxOutsideImage, source, imageId, $"annotation {annotation.Id} has no box (bbox with {b.Count} numbers)");
        corners[0] = b[0];
        corners[1] = b[1];
        (corners[2], corners[3]) = annotation.BoxMode == BoxMode.XYWH ? (b[0] + b[2], b[1] + b[3]) : (b[2], b[3]);
    }

    private static void Clip(Span<float> box, int width, int height)
    {
        box[0] = Math.Clamp(box[0], 0, width);
        box[1] = Math.Clamp(box[1], 0, height);
        box[2] = Math.Clamp(box[2], 0, width);
        box[3] = Math.Clamp(box[3], 0, height);
    }

    private static DatasetDataException Problem(DatasetProblemKind kind, string source, string imageId, string message) =>
        new(new DatasetProblem(kind, source, message, imageId));
}
