using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Panoptic.Torch.Serialization;

/// <summary>
/// Encodes a safetensors header: compact JSON with <c>__metadata__</c> first (as the reference writer does), then
/// the tensors in layout order, padded with spaces so the JSON length (and so the data start) is a multiple of 8.
/// </summary>
internal static class SafeTensorsHeaderWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Encode(IReadOnlyList<SafeTensorInfo> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata) json.WriteString(key, value);
                json.WriteEndObject();
            }
            foreach (var t in tensors)
            {
                json.WriteStartObject(t.Name);
                json.WriteString("dtype", SafeTensorsDType.Code(t.DType));
                WriteArray(json, "shape", t.Shape);
                WriteArray(json, "data_offsets", [t.Begin, t.End]);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        var padded = (buffer.WrittenCount + 7) / 8 * 8;
        var header = new byte[padded];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }

    private static void WriteArray(Utf8JsonWriter json, string name, long[] values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }
}
