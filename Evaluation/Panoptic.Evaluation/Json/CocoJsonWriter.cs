using System.Text.Json;
using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.IO;
using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Json;

/// <summary>Writes COCO results files in the official format, atomically.</summary>
public static class CocoJsonWriter
{
    /// <summary>
    /// Writes <c>[{"image_id", "category_id", "score", "bbox"?, "segmentation"?}, ...]</c>; masks are written as
    /// compressed RLE (the form pycocotools' <c>loadRes</c> reads).
    /// </summary>
    public static void WriteResults(string path, IEnumerable<CocoDetection> detections)
    {
        ArgumentNullException.ThrowIfNull(detections);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream);
            WriteResults(writer, detections);
        });
    }

    /// <summary>Writes a COCO instances file (<c>images</c>, <c>categories</c>, <c>annotations</c>) atomically.</summary>
    public static void WriteDataset(string path, CocoDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream);
            var segmentation = new CocoSegmentationConverter();
            w.WriteStartObject();
            w.WriteStartArray("images");
            foreach (var image in dataset.Images)
            {
                w.WriteStartObject();
                w.WriteNumber("id", image.Id);
                w.WriteNumber("width", image.Width);
                w.WriteNumber("height", image.Height);
                if (image.FileName is not null)
                    w.WriteString("file_name", image.FileName);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("categories");
            foreach (var category in dataset.Categories)
            {
                w.WriteStartObject();
                w.WriteNumber("id", category.Id);
                w.WriteString("name", category.Name);
                if (category.Supercategory is not null)
                    w.WriteString("supercategory", category.Supercategory);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("annotations");
            foreach (var a in dataset.Annotations)
            {
                w.WriteStartObject();
                w.WriteNumber("id", a.Id);
                w.WriteNumber("image_id", a.ImageId);
                w.WriteNumber("category_id", a.CategoryId);
                w.WriteNumber("area", a.Area);
                w.WriteNumber("iscrowd", a.IsCrowd ? 1 : 0);
                if (a.Box is { } box)
                    WriteBox(w, box);
                if (a.Segmentation is not null)
                {
                    w.WritePropertyName("segmentation");
                    segmentation.Write(w, a.Segmentation, JsonSerializerOptions.Default);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Writes the results list to an open JSON writer.</summary>
    public static void WriteResults(Utf8JsonWriter writer, IEnumerable<CocoDetection> detections)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(detections);
        var segmentation = new CocoSegmentationConverter();
        writer.WriteStartArray();
        foreach (var d in detections)
        {
            writer.WriteStartObject();
            writer.WriteNumber("image_id", d.ImageId);
            writer.WriteNumber("category_id", d.CategoryId);
            writer.WriteNumber("score", d.Score);
            if (d.Box is { } box)
                WriteBox(writer, box);
            if (d.Segmentation is not null)
            {
                writer.WritePropertyName("segmentation");
                segmentation.Write(writer, d.Segmentation, JsonSerializerOptions.Default);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteBox(Utf8JsonWriter writer, BoxXywh box)
    {
        writer.WriteStartArray("bbox");
        writer.WriteNumberValue(box.X);
        writer.WriteNumberValue(box.Y);
        writer.WriteNumberValue(box.Width);
        writer.WriteNumberValue(box.Height);
        writer.WriteEndArray();
    }
}
