using Panoptic.Evaluation.Masks;
using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Evaluation.Json;

/// <summary>Reads COCO panoptic JSON files (ground truth or predictions).</summary>
public static class PanopticJsonReader
{
    /// <summary>Reads <c>annotations</c> (image_id, file_name, segments_info) and <c>categories</c> (may be absent in predictions).</summary>
    /// <exception cref="PanopticDataException">Missing file, bad JSON or a missing field (named with the file and entry).</exception>
    public static PanopticDataset Read(string path)
    {
        var dto = JsonFiles.Read(path, EvaluationJsonContext.Default.PanopticFileDto, (m, e) => new PanopticDataException(m, e));
        var annotations = new List<PanopticAnnotation>();
        var list = dto.Annotations ?? throw new PanopticDataException($"{path}: no 'annotations' list");
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            var imageId = a.ImageId ?? throw Missing(path, $"annotations[{i}]", "image_id");
            var fileName = a.FileName ?? throw Missing(path, $"annotations[{i}]", "file_name");
            var segments = new List<PanopticSegment>();
            var infos = a.SegmentsInfo ?? throw Missing(path, $"annotations[{i}]", "segments_info");
            for (var j = 0; j < infos.Count; j++)
            {
                var s = infos[j];
                var where = $"annotations[{i}].segments_info[{j}]";
                var id = s.Id ?? throw Missing(path, where, "id");
                if (id is < 0 or > 0xFFFFFF)
                    throw new PanopticDataException($"{path}: {where} has id {id}, outside the RGB range 0..16777215");
                var box = s.Bbox is { Length: 4 } b ? BoxXywh.FromArray(b) : (BoxXywh?)null;
                segments.Add(new PanopticSegment((int)id, s.CategoryId ?? throw Missing(path, where, "category_id"), s.IsCrowd ?? false, s.Area, box));
            }
            annotations.Add(new PanopticAnnotation(imageId, fileName, segments));
        }
        var categories = new List<PanopticCategory>();
        foreach (var (c, i) in (dto.Categories ?? []).Select((c, i) => (c, i)))
        {
            categories.Add(new PanopticCategory(
                c.Id ?? throw Missing(path, $"categories[{i}]", "id"),
                c.Name ?? "",
                c.IsThing ?? throw Missing(path, $"categories[{i}]", "isthing"),
                c.Color,
                c.Supercategory));
        }
        return new PanopticDataset(annotations, categories, path);
    }

    private static PanopticDataException Missing(string path, string where, string field) => new($"{path}: {where} has no '{field}'");
}
