using System.Text.Json;
using System.Text.Json.Serialization;
using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Json;

/// <summary>
/// Reads and writes a COCO <c>segmentation</c>: <c>[[x, y, ...], ...]</c>, <c>{"size": [h, w], "counts": [..]}</c>
/// or <c>{"size": [h, w], "counts": "..."}</c>. In-memory masks are written in the compressed form.
/// </summary>
internal sealed class CocoSegmentationConverter : JsonConverter<CocoSegmentation>
{
    public override CocoSegmentation? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.StartArray => ReadPolygons(ref reader),
        JsonTokenType.StartObject => ReadRle(ref reader),
        _ => throw new JsonException($"a segmentation is a list of polygons or an RLE object, got {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, CocoSegmentation value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case PolygonSegmentation polygons:
                writer.WriteStartArray();
                foreach (var polygon in polygons.Polygons)
                {
                    writer.WriteStartArray();
                    foreach (var v in polygon)
                        writer.WriteNumberValue(v);
                    writer.WriteEndArray();
                }
                writer.WriteEndArray();
                break;
            case CompressedRleSegmentation rle:
                WriteRle(writer, rle.Height, rle.Width, rle.Counts);
                break;
            case UncompressedRleSegmentation mask:
                WriteRle(writer, mask.Mask.Height, mask.Mask.Width, RleString.Encode(mask.Mask));
                break;
            default:
                throw new JsonException($"unknown segmentation type {value.GetType().Name}");
        }
    }

    private static void WriteRle(Utf8JsonWriter writer, int height, int width, string counts)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("size");
        writer.WriteNumberValue(height);
        writer.WriteNumberValue(width);
        writer.WriteEndArray();
        writer.WriteString("counts", counts);
        writer.WriteEndObject();
    }

    private static PolygonSegmentation ReadPolygons(ref Utf8JsonReader reader)
    {
        var polygons = new List<double[]>();
        var points = new List<double>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new JsonException("polygon segmentation must be a list of lists of numbers [[x1, y1, x2, y2, ...], ...]");
            points.Clear();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number)
                    throw new JsonException($"polygon coordinates must be numbers, got {reader.TokenType}");
                points.Add(reader.GetDouble());
            }
            polygons.Add([.. points]);
        }
        return new PolygonSegmentation(polygons);
    }

    private static CocoSegmentation ReadRle(ref Utf8JsonReader reader)
    {
        int[]? size = null;
        string? compressed = null;
        List<uint>? counts = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "size":
                    size = ReadSize(ref reader);
                    break;
                case "counts" when reader.TokenType == JsonTokenType.String:
                    compressed = reader.GetString();
                    break;
                case "counts" when reader.TokenType == JsonTokenType.StartArray:
                    counts = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var c = JsonNumbers.ReadInt64(ref reader);
                        if (c is < 0 or > uint.MaxValue)
                            throw new JsonException($"RLE count {c} is out of range");
                        counts.Add((uint)c);
                    }
                    break;
                case "counts":
                    throw new JsonException("RLE 'counts' must be a string or a list of numbers");
                default:
                    reader.Skip();
                    break;
            }
        }
        if (size is null)
            throw new JsonException("RLE segmentation has no 'size' [height, width]");
        if (compressed is not null)
            return new CompressedRleSegmentation(size[0], size[1], compressed);
        if (counts is null)
            throw new JsonException("RLE segmentation has no 'counts'");
        try
        {
            return new UncompressedRleSegmentation(new RleMask(size[0], size[1], counts.ToArray()));
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    private static int[] ReadSize(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("RLE 'size' must be [height, width]");
        var size = new List<int>(2);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            size.Add(checked((int)JsonNumbers.ReadInt64(ref reader)));
        if (size.Count != 2 || size[0] < 0 || size[1] < 0)
            throw new JsonException("RLE 'size' must be [height, width] with two non-negative numbers");
        return [.. size];
    }
}
