using System.Text.Json;
using Panoptic.Evaluation.Imaging;
using Panoptic.Evaluation.IO;
using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Evaluation.Json;

/// <summary>Writes COCO panoptic files: the JSON and the PNGs, each atomically.</summary>
public static class PanopticJsonWriter
{
    /// <summary>
    /// Writes an image's id map as <c>folder/&lt;fileName&gt;</c> (RGB, id = R + 256·G + 256²·B) and returns its
    /// annotation, with segment areas recounted from the map.
    /// </summary>
    public static PanopticAnnotation WritePng(string folder, string fileName, PanopticImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        PngCodec.WriteAtomic(Path.Combine(folder, fileName), PanopticIds.ToImage(image.Ids, image.Width, image.Height));
        var areas = new Dictionary<int, long>();
        var last = int.MinValue;
        long run = 0;
        foreach (var id in image.Ids)
        {
            if (id != last)
            {
                if (run > 0)
                    areas[last] = areas.GetValueOrDefault(last) + run;
                last = id;
                run = 0;
            }
            run++;
        }
        if (run > 0)
            areas[last] = areas.GetValueOrDefault(last) + run;
        var segments = image.Segments.Select(s => s with { Area = areas.GetValueOrDefault(s.Id) }).ToList();
        return new PanopticAnnotation(image.ImageId, fileName, segments);
    }

    /// <summary>Writes <c>{"annotations": [...], "categories": [...]}</c>.</summary>
    public static void Write(string path, IEnumerable<PanopticAnnotation> annotations, IEnumerable<PanopticCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(categories);
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream);
            w.WriteStartObject();
            w.WriteStartArray("annotations");
            foreach (var a in annotations)
                WriteAnnotation(w, a);
            w.WriteEndArray();
            w.WriteStartArray("categories");
            foreach (var c in categories)
                WriteCategory(w, c);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteAnnotation(Utf8JsonWriter w, PanopticAnnotation a)
    {
        w.WriteStartObject();
        w.WritePropertyName("image_id");
        new IdTextConverter().Write(w, a.ImageId, JsonSerializerOptions.Default);
        w.WriteString("file_name", a.FileName);
        w.WriteStartArray("segments_info");
        foreach (var s in a.Segments)
        {
            w.WriteStartObject();
            w.WriteNumber("id", s.Id);
            w.WriteNumber("category_id", s.CategoryId);
            w.WriteNumber("iscrowd", s.IsCrowd ? 1 : 0);
            if (s.Area is { } area)
                w.WriteNumber("area", area);
            if (s.Box is { } box)
            {
                w.WriteStartArray("bbox");
                foreach (var v in box.ToArray())
                    w.WriteNumberValue(v);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCategory(Utf8JsonWriter w, PanopticCategory c)
    {
        w.WriteStartObject();
        w.WriteNumber("id", c.Id);
        w.WriteString("name", c.Name);
        if (c.Supercategory is not null)
            w.WriteString("supercategory", c.Supercategory);
        w.WriteNumber("isthing", c.IsThing ? 1 : 0);
        if (c.Color is not null)
        {
            w.WriteStartArray("color");
            foreach (var v in c.Color)
                w.WriteNumberValue(v);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
