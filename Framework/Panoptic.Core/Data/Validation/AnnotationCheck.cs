using System.Globalization;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Data.Mapping;

namespace Panoptic.Core.Data.Validation;

/// <summary>Checks a record's instance annotations: known class, box inside the image, decodable mask of the image's size, JSON area consistent with the mask.</summary>
internal static class AnnotationCheck
{
    public static void Run(DatasetRecord record, DatasetMetadata metadata, string source, ValidationOptions options, List<DatasetProblem> problems)
    {
        var image = record.ImageId.ToString(CultureInfo.InvariantCulture);
        foreach (var annotation in record.Annotations)
        {
            var file = source;
            if (annotation.CategoryId < 0 || annotation.CategoryId >= metadata.ThingClasses.Count)
                problems.Add(new DatasetProblem(DatasetProblemKind.UnknownCategory, file,
                    $"class index {annotation.CategoryId} is not a thing class (0..{metadata.ThingClasses.Count - 1})", image, annotation.Id));
            CheckBox(record, annotation, file, image, options.BoxTolerance, problems);
            if (AnnotationMasks.HasMask(annotation))
                CheckMask(record, annotation, file, image, options, problems);
        }
    }

    private static void CheckBox(DatasetRecord record, ObjectAnnotation annotation, string file, string image, double tolerance, List<DatasetProblem> problems)
    {
        var b = annotation.Box;
        if (b.Count == 0)
            return;
        if (b.Count != 4)
        {
            problems.Add(new DatasetProblem(DatasetProblemKind.BoxOutsideImage, file, $"box has {b.Count} numbers, expected 4", image, annotation.Id));
            return;
        }
        var (x0, y0, x1, y1) = annotation.BoxMode == BoxMode.XYWH ? (b[0], b[1], b[0] + b[2], b[1] + b[3]) : (b[0], b[1], b[2], b[3]);
        var text = string.Create(CultureInfo.InvariantCulture, $"[{b[0]}, {b[1]}, {b[2]}, {b[3]}] ({annotation.BoxMode})");
        if (x1 < x0 || y1 < y0)
            problems.Add(new DatasetProblem(DatasetProblemKind.BoxOutsideImage, file, $"box {text} has a negative size", image, annotation.Id));
        else if (x0 < -tolerance || y0 < -tolerance || x1 > record.Width + tolerance || y1 > record.Height + tolerance)
            problems.Add(new DatasetProblem(DatasetProblemKind.BoxOutsideImage, file, $"box {text} reaches outside the {record.Width}x{record.Height} image", image, annotation.Id));
    }

    private static void CheckMask(DatasetRecord record, ObjectAnnotation annotation, string file, string image, ValidationOptions options, List<DatasetProblem> problems)
    {
        Evaluation.Masks.RleMask mask;
        try
        {
            mask = AnnotationMasks.ToRle(annotation, record.Height, record.Width, file, image);
        }
        catch (DatasetDataException e)
        {
            problems.AddRange(e.Problems.Select(p => p with { Id = annotation.Id }));
            return;
        }
        if (annotation.Area is not { } area)
            return;
        var pixels = mask.Area;
        var slack = annotation.Rle is not null ? 0.5 : options.PolygonAreaSlack + options.PolygonAreaTolerance * pixels;
        if (Math.Abs(area - pixels) > slack)
        {
            var form = annotation.Rle is not null ? "RLE" : "rasterised polygons";
            problems.Add(new DatasetProblem(DatasetProblemKind.AreaMismatch, file,
                string.Create(CultureInfo.InvariantCulture, $"JSON area {area} but the {form} cover {pixels} pixels (allowed difference {slack:0.#})"), image, annotation.Id));
        }
    }
}
