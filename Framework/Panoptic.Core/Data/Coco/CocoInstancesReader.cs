using Panoptic.Abstractions.Data;
using Panoptic.Evaluation;
using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Json;
using Panoptic.Evaluation.Masks;
using RleMask = Panoptic.Abstractions.Data.RleMask;

namespace Panoptic.Core.Data.Coco;

/// <summary>
/// Reads a COCO instances file (detectron2 <c>load_coco_json</c>): images with their annotations — polygons,
/// uncompressed and compressed RLE, <c>iscrowd</c> — category ids mapped to contiguous indices (sorted by id).
/// Annotations on unknown images or with unknown categories are skipped and reported; polygons with fewer than
/// 3 points are dropped with a warning, and an annotation left without any is skipped (as detectron2 does).
/// </summary>
public static class CocoInstancesReader
{
    /// <summary>Reads <paramref name="annotationFile"/>; image paths are <paramref name="imageRoot"/>/<c>file_name</c>.</summary>
    /// <param name="annotationFile">The COCO instances JSON.</param>
    /// <param name="imageRoot">Folder the <c>file_name</c>s are relative to.</param>
    /// <param name="datasetName">Name for the metadata (<c>coco_2017_train</c>).</param>
    /// <exception cref="DatasetDataException">The file cannot be read or parsed (its structure, not its entries).</exception>
    public static DatasetLoad Read(string annotationFile, string imageRoot, string datasetName)
    {
        var dataset = Parse(annotationFile);
        var problems = new List<DatasetProblem>();
        var categories = ReadCategories(dataset, annotationFile, problems);
        var byImage = dataset.Images.ToDictionary(i => i.Id, _ => new List<ObjectAnnotation>());
        foreach (var annotation in dataset.Annotations)
        {
            if (Convert(annotation, dataset, categories, annotationFile, problems) is not { } converted)
                continue;
            byImage[annotation.ImageId].Add(converted);
        }
        var records = new List<DatasetRecord>(dataset.Images.Count);
        foreach (var image in dataset.Images)
        {
            if (image.FileName is null)
            {
                problems.Add(new DatasetProblem(DatasetProblemKind.UnreadableFile, annotationFile, "image has no 'file_name'", Id(image.Id)));
                continue;
            }
            records.Add(new DatasetRecord(image.Id, Path.Combine(imageRoot, image.FileName), image.Height, image.Width)
            {
                Annotations = byImage[image.Id],
            });
        }
        return new DatasetLoad(categories.ToMetadata(datasetName, annotationFile), records, problems);
    }

    private static CocoDataset Parse(string annotationFile)
    {
        try
        {
            return CocoJsonReader.ReadDataset(annotationFile);
        }
        catch (EvaluationDataException e)
        {
            throw new DatasetDataException(ReaderErrors.Problem(DatasetProblemKind.UnreadableFile, annotationFile, e), e);
        }
    }

    private static CocoCategoryMap ReadCategories(CocoDataset dataset, string file, List<DatasetProblem> problems)
    {
        var seen = new HashSet<int>();
        foreach (var category in dataset.Categories.Where(c => !seen.Add(c.Id)))
            problems.Add(new DatasetProblem(DatasetProblemKind.DuplicateId, file, $"category id {category.Id} ('{category.Name}') appears twice in 'categories'", Id: category.Id));
        return new CocoCategoryMap(dataset.Categories.Select(c => new CocoCategoryInfo(c.Id, c.Name, IsThing: true)));
    }

    private static ObjectAnnotation? Convert(CocoAnnotation a, CocoDataset dataset, CocoCategoryMap categories, string file, List<DatasetProblem> problems)
    {
        var image = Id(a.ImageId);
        if (dataset.FindImage(a.ImageId) is not { } info)
        {
            problems.Add(new DatasetProblem(DatasetProblemKind.UnknownImage, file, $"annotation is on image {a.ImageId}, which 'images' does not list", image, a.Id));
            return null;
        }
        if (!categories.TryThing(a.CategoryId, out var category))
        {
            var known = string.Join(", ", categories.Things.Select(c => c.Id));
            problems.Add(new DatasetProblem(DatasetProblemKind.UnknownCategory, file, $"category_id {a.CategoryId} is not in 'categories' (known: {known})", image, a.Id));
            return null;
        }
        IReadOnlyList<IReadOnlyList<float>>? polygons = null;
        RleMask? rle = null;
        switch (a.Segmentation)
        {
            case PolygonSegmentation p:
                polygons = ValidPolygons(p, file, image, a.Id, problems);
                if (polygons.Count == 0)
                    return null;
                break;
            case CompressedRleSegmentation c:
                rle = new RleMask(c.Height, c.Width, c.Counts);
                break;
            case UncompressedRleSegmentation u:
                rle = new RleMask(u.Mask.Height, u.Mask.Width, RleString.Encode(u.Mask));
                break;
        }
        float[] box;
        try
        {
            box = a.Box is { } b ? [(float)b.X, (float)b.Y, (float)b.Width, (float)b.Height] : BoxFromMask(a.Segmentation, info);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            problems.Add(new DatasetProblem(DatasetProblemKind.InvalidMask, file, $"annotation has no 'bbox' and its segmentation cannot be decoded: {e.Message}", image, a.Id));
            return null;
        }
        return new ObjectAnnotation(box, BoxMode.XYWH, category, polygons, rle, a.IsCrowd, a.Area) { Id = a.Id };
    }

    /// <summary>Polygons with an even count of at least 6 numbers (detectron2's filter); the others are reported and dropped.</summary>
    private static List<IReadOnlyList<float>> ValidPolygons(PolygonSegmentation segmentation, string file, string image, long id, List<DatasetProblem> problems)
    {
        var valid = new List<IReadOnlyList<float>>(segmentation.Polygons.Count);
        foreach (var polygon in segmentation.Polygons)
        {
            if (polygon.Length % 2 == 0 && polygon.Length >= 6)
                valid.Add(polygon.Select(v => (float)v).ToArray());
            else
                problems.Add(new DatasetProblem(DatasetProblemKind.InvalidMask, file,
                    $"polygon with {polygon.Length} numbers dropped (needs an even count of at least 6: 3 points x, y)", image, id)
                { Severity = DatasetProblemSeverity.Warning });
        }
        if (valid.Count == 0)
            problems.Add(new DatasetProblem(DatasetProblemKind.InvalidMask, file, "annotation skipped: no valid polygon left", image, id)
                { Severity = DatasetProblemSeverity.Warning });
        return valid;
    }

    private static float[] BoxFromMask(CocoSegmentation? segmentation, CocoImage image)
    {
        if (segmentation is null)
            return [0, 0, 0, 0];
        var box = segmentation.ToMask(image.Height, image.Width).ToBox();
        return [(float)box.X, (float)box.Y, (float)box.Width, (float)box.Height];
    }

    internal static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
