using System.Globalization;
using Panoptic.Abstractions.Data;
using Panoptic.Evaluation;
using Panoptic.Evaluation.Json;
using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Core.Data.Coco;

/// <summary>
/// Reads a COCO panoptic dataset (detectron2 <c>load_coco_panoptic_json</c>): the JSON's annotations and images,
/// segments with contiguous categories (things 0..T-1, stuff 1..S, see <see cref="CocoCategoryMap"/>) and
/// <c>isthing</c>, and the PNG of each image. Thing segments also become <see cref="ObjectAnnotation"/>s (box from
/// the segment's <c>bbox</c>, no mask: masks come from the PNG when the image is mapped). Nothing is converted
/// offline; entries that cannot be used are skipped and reported.
/// </summary>
public static class CocoPanopticReader
{
    /// <param name="panopticJson">The COCO panoptic JSON (<c>annotations</c>, <c>images</c>, <c>categories</c>).</param>
    /// <param name="panopticRoot">Folder of the PNGs; null for the JSON path without <c>.json</c> (panopticapi's convention).</param>
    /// <param name="imageRoot">Folder the images' <c>file_name</c>s are relative to.</param>
    /// <param name="datasetName">Name for the metadata.</param>
    /// <param name="categoriesFile">A panopticapi categories list to use instead of the JSON's <c>categories</c>, or null.</param>
    /// <exception cref="DatasetDataException">A file cannot be read or parsed.</exception>
    public static DatasetLoad Read(string panopticJson, string? panopticRoot, string imageRoot, string datasetName, string? categoriesFile = null)
    {
        panopticRoot ??= DefaultPngFolder(panopticJson);
        var dataset = Parse(panopticJson);
        var problems = new List<DatasetProblem>();
        var categories = ReadCategories(dataset, panopticJson, categoriesFile, problems);
        var images = IndexImages(CocoImageList.Read(panopticJson, problems), panopticJson, problems);
        var seen = new HashSet<string>();
        var records = new List<DatasetRecord>(dataset.Annotations.Count);
        foreach (var annotation in dataset.Annotations)
        {
            if (!seen.Add(annotation.ImageId))
            {
                problems.Add(new DatasetProblem(DatasetProblemKind.DuplicateId, panopticJson, "image has two entries in 'annotations'", annotation.ImageId));
                continue;
            }
            if (!images.TryGetValue(annotation.ImageId, out var image))
            {
                problems.Add(new DatasetProblem(DatasetProblemKind.UnknownImage, panopticJson, "annotation is on an image that 'images' does not list", annotation.ImageId));
                continue;
            }
            var (segments, things) = ReadSegments(annotation, categories, panopticJson, problems);
            records.Add(new DatasetRecord(image.Id, Path.Combine(imageRoot, image.FileName), image.Height, image.Width)
            {
                PanopticSegmentationFile = Path.Combine(panopticRoot, annotation.FileName),
                Segments = segments,
                Annotations = things,
            });
        }
        return new DatasetLoad(categories.ToMetadata(datasetName, panopticJson, panopticRoot), records, problems);
    }

    /// <summary>panopticapi's default PNG folder: the JSON path without <c>.json</c>.</summary>
    public static string DefaultPngFolder(string panopticJson) =>
        panopticJson.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? panopticJson[..^5] : panopticJson;

    private static PanopticDataset Parse(string path)
    {
        try
        {
            return PanopticJsonReader.Read(path);
        }
        catch (EvaluationDataException e)
        {
            throw new DatasetDataException(ReaderErrors.Problem(DatasetProblemKind.UnreadableFile, path, e), e);
        }
    }

    private static CocoCategoryMap ReadCategories(PanopticDataset dataset, string json, string? categoriesFile, List<DatasetProblem> problems)
    {
        var (source, categories) = categoriesFile is null
            ? (json, dataset.Categories.Select(c => new CocoCategoryInfo(c.Id, c.Name, c.IsThing)).ToList())
            : (categoriesFile, CocoCategoriesFile.Read(categoriesFile).ToList());
        if (categories.Count == 0)
            problems.Add(new DatasetProblem(DatasetProblemKind.UnknownCategory, source, "no categories: the panoptic JSON needs a 'categories' list with 'isthing', or give a categories file"));
        var ids = new HashSet<int>();
        foreach (var category in categories.Where(c => !ids.Add(c.Id)))
            problems.Add(new DatasetProblem(DatasetProblemKind.DuplicateId, source, $"category id {category.Id} ('{category.Name}') appears twice", Id: category.Id));
        return new CocoCategoryMap(categories);
    }

    private static Dictionary<string, CocoImageEntry> IndexImages(IReadOnlyList<CocoImageEntry> images, string json, List<DatasetProblem> problems)
    {
        var byId = new Dictionary<string, CocoImageEntry>(images.Count);
        foreach (var image in images)
        {
            var id = image.Id.ToString(CultureInfo.InvariantCulture);
            if (!byId.TryAdd(id, image))
                problems.Add(new DatasetProblem(DatasetProblemKind.DuplicateId, json, "image id appears twice in 'images'", id));
        }
        return byId;
    }

    private static (List<SegmentInfo> Segments, List<ObjectAnnotation> Things) ReadSegments(
        PanopticAnnotation annotation, CocoCategoryMap categories, string json, List<DatasetProblem> problems)
    {
        var segments = new List<SegmentInfo>(annotation.Segments.Count);
        var things = new List<ObjectAnnotation>();
        var ids = new HashSet<int>();
        foreach (var s in annotation.Segments)
        {
            if (s.Id == 0)
            {
                problems.Add(new DatasetProblem(DatasetProblemKind.InvalidId, json, "segment id 0 is VOID in panoptic PNGs; segments need ids ≥ 1", annotation.ImageId, 0));
                continue;
            }
            if (!ids.Add(s.Id))
            {
                problems.Add(new DatasetProblem(DatasetProblemKind.DuplicateId, json, "segment id appears twice in 'segments_info'", annotation.ImageId, s.Id));
                continue;
            }
            if (!categories.TryContiguous(s.CategoryId, out var index, out var isThing))
            {
                problems.Add(new DatasetProblem(DatasetProblemKind.UnknownCategory, json,
                    $"category_id {s.CategoryId} is not in the categories ({categories.Things.Count} things, {categories.Stuff.Count} stuff)", annotation.ImageId, s.Id));
                continue;
            }
            segments.Add(new SegmentInfo(s.Id, index, isThing, s.IsCrowd, s.Area));
            if (isThing)
            {
                float[] box = s.Box is { } b ? [(float)b.X, (float)b.Y, (float)b.Width, (float)b.Height] : [];
                things.Add(new ObjectAnnotation(box, BoxMode.XYWH, index, IsCrowd: s.IsCrowd, Area: s.Area) { Id = s.Id, SegmentId = s.Id });
            }
        }
        return (segments, things);
    }
}
