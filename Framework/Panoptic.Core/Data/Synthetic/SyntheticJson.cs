using System.Text.Json;
using Panoptic.Evaluation.IO;
using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Core.Data.Synthetic;

/// <summary>One entry of a panoptic file's <c>images</c>.</summary>
/// <param name="Id">Image id.</param>
/// <param name="FileName">File name relative to the image folder.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record PanopticImageEntry(long Id, string FileName, int Width, int Height);

/// <summary>
/// Writes the synthetic set's panoptic JSON — with the <c>images</c> list detectron2 and our reader take file names and
/// sizes from, which Panoptic.Evaluation's prediction writer leaves out — and its categories list, atomically.
/// </summary>
internal static class SyntheticJson
{
    public static void WritePanoptic(string path, IReadOnlyList<PanopticImageEntry> images, IReadOnlyList<PanopticAnnotation> annotations, IReadOnlyList<SyntheticCategory> categories) =>
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream);
            w.WriteStartObject();
            w.WriteStartArray("images");
            foreach (var image in images)
            {
                w.WriteStartObject();
                w.WriteNumber("id", image.Id);
                w.WriteString("file_name", image.FileName);
                w.WriteNumber("width", image.Width);
                w.WriteNumber("height", image.Height);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("annotations");
            foreach (var annotation in annotations)
                WriteAnnotation(w, annotation);
            w.WriteEndArray();
            w.WritePropertyName("categories");
            WriteCategoryList(w, categories);
            w.WriteEndObject();
        });

    public static void WriteCategories(string path, IReadOnlyList<SyntheticCategory> categories) =>
        AtomicFile.Write(path, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            WriteCategoryList(w, categories);
        });

    private static void WriteAnnotation(Utf8JsonWriter w, PanopticAnnotation annotation)
    {
        w.WriteStartObject();
        w.WriteNumber("image_id", long.Parse(annotation.ImageId, System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("file_name", annotation.FileName);
        w.WriteStartArray("segments_info");
        foreach (var s in annotation.Segments)
        {
            w.WriteStartObject();
            w.WriteNumber("id", s.Id);
            w.WriteNumber("category_id", s.CategoryId);
            w.WriteNumber("iscrowd", s.IsCrowd ? 1 : 0);
            w.WriteNumber("area", s.Area ?? 0);
            w.WriteStartArray("bbox");
            foreach (var v in s.Box?.ToArray() ?? [])
                w.WriteNumberValue(v);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCategoryList(Utf8JsonWriter w, IReadOnlyList<SyntheticCategory> categories)
    {
        w.WriteStartArray();
        foreach (var c in categories)
        {
            w.WriteStartObject();
            w.WriteNumber("id", c.Id);
            w.WriteString("name", c.Name);
            w.WriteString("supercategory", c.IsThing ? "shape" : "region");
            w.WriteNumber("isthing", c.IsThing ? 1 : 0);
            w.WriteStartArray("color");
            w.WriteNumberValue(c.R);
            w.WriteNumberValue(c.G);
            w.WriteNumberValue(c.B);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
