using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Json;

/// <summary>Reads COCO instances files and results files into records, naming the file and entry in every error.</summary>
public static class CocoJsonReader
{
    /// <summary>Reads a COCO instances file (<c>images</c>, <c>categories</c>, <c>annotations</c>).</summary>
    /// <exception cref="CocoDataException">Missing file, bad JSON, missing required field, invalid ids.</exception>
    public static CocoDataset ReadDataset(string path)
    {
        var dto = JsonFiles.Read(path, EvaluationJsonContext.Default.CocoFileDto, (m, e) => new CocoDataException(m, e));
        var images = (dto.Images ?? throw new CocoDataException($"{path}: no 'images' list")).Select((image, i) => new CocoImage(
            Required(image.Id, path, "images", i, "id"),
            Required(image.Width, path, "images", i, "width"),
            Required(image.Height, path, "images", i, "height"),
            image.FileName)).ToList();
        var categories = (dto.Categories ?? []).Select((category, i) => new CocoCategory(
            Required(category.Id, path, "categories", i, "id"),
            category.Name ?? "",
            category.Supercategory)).ToList();
        var annotations = (dto.Annotations ?? []).Select((a, i) => new CocoAnnotation(
            Required(a.Id, path, "annotations", i, "id"),
            Required(a.ImageId, path, "annotations", i, "image_id"),
            Required(a.CategoryId, path, "annotations", i, "category_id"),
            Required(a.Area, path, "annotations", i, "area"),
            ToBox(a.Bbox, path, "annotations", i),
            a.Segmentation,
            a.IsCrowd ?? false,
            a.Ignore ?? false)).ToList();
        return new CocoDataset(images, categories, annotations, path);
    }

    /// <summary>
    /// Reads a results file: a JSON list of <c>{image_id, category_id, score, bbox?, segmentation?}</c>, in file order.
    /// An empty <c>bbox</c> counts as absent (as in pycocotools' <c>loadRes</c>).
    /// </summary>
    public static IReadOnlyList<CocoDetection> ReadResults(string path)
    {
        var dto = JsonFiles.Read(path, EvaluationJsonContext.Default.ListCocoResultDto, (m, e) => new CocoDataException(m, e));
        var results = new CocoDetection[dto.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var r = dto[i] ?? throw new CocoDataException($"{path}: result [{i}] is null");
            results[i] = new CocoDetection(
                Required(r.ImageId, path, "results", i, "image_id"),
                Required(r.CategoryId, path, "results", i, "category_id"),
                Required(r.Score, path, "results", i, "score"),
                ToBox(r.Bbox, path, "results", i),
                r.Segmentation);
        }
        return results;
    }

    private static T Required<T>(T? value, string path, string list, int index, string field)
        where T : struct =>
        value ?? throw new CocoDataException($"{path}: {list}[{index}] has no '{field}'");

    private static BoxXywh? ToBox(double[]? bbox, string path, string list, int index)
    {
        if (bbox is null || bbox.Length == 0)
            return null;
        if (bbox.Length != 4)
            throw new CocoDataException($"{path}: {list}[{index}] 'bbox' has {bbox.Length} numbers, expected [x, y, w, h]");
        foreach (var v in bbox)
        {
            if (!double.IsFinite(v))
                throw new CocoDataException($"{path}: {list}[{index}] 'bbox' has a non-finite number");
        }
        return BoxXywh.FromArray(bbox);
    }
}
