using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Unicode;

namespace Panoptic.Torch.Serialization;

/// <summary>
/// Reads and validates a safetensors header: 8-byte little-endian JSON length, a JSON object starting with '{'
/// (maybe space-padded), every tensor with a known dtype, a shape and <c>data_offsets</c> whose byte count matches
/// the shape; the offsets must tile the byte buffer exactly (no overlap, no hole, nothing past the end, nothing
/// after the last tensor), as the reference implementation requires.
/// </summary>
internal static class SafeTensorsHeaderReader
{
    /// <summary>The reference implementation's limit on the JSON header size.</summary>
    private const long MaxHeaderBytes = 100_000_000;

    private const string MetadataKey = "__metadata__";

    public static SafeTensorsHeader Read(Stream file, string path)
    {
        var fileLength = file.Length;
        if (fileLength < 8)
            throw new CheckpointFormatException(path, $"file is {fileLength} bytes, too short for a safetensors header length (8 bytes)");
        Span<byte> prefix = stackalloc byte[8];
        file.Position = 0;
        file.ReadExactly(prefix);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > MaxHeaderBytes)
            throw new CheckpointFormatException(path, $"header length {headerLength} exceeds the {MaxHeaderBytes}-byte limit (not a safetensors file?)");
        if (8 + (long)headerLength > fileLength)
            throw new CheckpointFormatException(path, $"header length {headerLength} runs past the end of the {fileLength}-byte file (truncated?)");
        var json = new byte[headerLength];
        file.ReadExactly(json);
        if (json.Length == 0 || json[0] != (byte)'{')
            throw new CheckpointFormatException(path, "header does not start with '{'");
        if (!Utf8.IsValid(json))
            throw new CheckpointFormatException(path, "header is not valid UTF-8");

        var dataStart = 8 + (long)headerLength;
        var (tensors, metadata) = Parse(json, path);
        CheckLayout(tensors, fileLength - dataStart, path);
        return new SafeTensorsHeader(tensors, metadata, dataStart);
    }

    private static (List<SafeTensorInfo>, Dictionary<string, string>) Parse(byte[] json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CheckpointFormatException(path, $"header is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new CheckpointFormatException(path, "header is not a JSON object");
            var tensors = new List<SafeTensorInfo>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw new CheckpointFormatException(path, $"header names '{property.Name}' twice");
                if (property.Name == MetadataKey) ReadMetadata(property.Value, metadata, path);
                else tensors.Add(ReadTensor(property.Name, property.Value, path));
            }
            return (tensors, metadata);
        }
    }

    private static void ReadMetadata(JsonElement element, Dictionary<string, string> metadata, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new CheckpointFormatException(path, $"{MetadataKey} is a JSON {element.ValueKind}, not an object of strings");
        foreach (var entry in element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
                throw new CheckpointFormatException(path, $"{MetadataKey} entry '{entry.Name}' is a JSON {entry.Value.ValueKind}, not a string");
            metadata[entry.Name] = entry.Value.GetString()!;
        }
    }

    private static SafeTensorInfo ReadTensor(string name, JsonElement element, string path)
    {
        CheckpointFormatException Bad(string what) => new(path, $"tensor '{name}': {what}");

        if (element.ValueKind != JsonValueKind.Object) throw Bad($"entry is a JSON {element.ValueKind}, not an object");
        if (!element.TryGetProperty("dtype", out var dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String)
            throw Bad("missing string field 'dtype'");
        var code = dtypeElement.GetString()!;
        if (!SafeTensorsDType.TryParse(code, out var dtype))
            throw Bad($"unknown or unsupported dtype '{code}' (supported: {SafeTensorsDType.Supported})");
        var shape = ReadNonNegativeArray(element, "shape", null, Bad);
        var offsets = ReadNonNegativeArray(element, "data_offsets", 2, Bad);
        var (begin, end) = (offsets[0], offsets[1]);
        if (end < begin) throw Bad($"data_offsets [{begin}, {end}] end before they begin");

        long expected;
        try
        {
            expected = TensorMemory.ByteCount(dtype, shape.Aggregate(1L, (a, b) => checked(a * b)));
        }
        catch (OverflowException)
        {
            throw Bad($"shape [{string.Join(", ", shape)}] is too large");
        }
        if (end - begin != expected)
            throw Bad($"data_offsets [{begin}, {end}] hold {end - begin} bytes but shape [{string.Join(", ", shape)}] of {code} needs {expected}");
        return new SafeTensorInfo(name, dtype, shape, begin, end);
    }

    private static long[] ReadNonNegativeArray(JsonElement element, string field, int? length, Func<string, CheckpointFormatException> bad)
    {
        if (!element.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
            throw bad($"missing array field '{field}'");
        var values = new long[array.GetArrayLength()];
        if (length is { } n && values.Length != n) throw bad($"'{field}' has {values.Length} entries, expected {n}");
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var v) || v < 0)
                throw bad($"'{field}' entry {i} ({item.GetRawText()}) is not a non-negative integer");
            values[i++] = v;
        }
        return values;
    }

    private static void CheckLayout(List<SafeTensorInfo> tensors, long bufferLength, string path)
    {
        long position = 0;
        SafeTensorInfo? previous = null;
        foreach (var t in tensors.OrderBy(t => t.Begin).ThenBy(t => t.End))
        {
            if (t.Begin < position)
                throw new CheckpointFormatException(path, $"tensor '{t.Name}' bytes [{t.Begin}, {t.End}) overlap tensor '{previous!.Name}' [{previous.Begin}, {previous.End})");
            if (t.Begin > position)
                throw new CheckpointFormatException(path, $"bytes [{position}, {t.Begin}) before tensor '{t.Name}' belong to no tensor");
            if (t.End > bufferLength)
                throw new CheckpointFormatException(path, $"tensor '{t.Name}' bytes [{t.Begin}, {t.End}) run past the end of the {bufferLength}-byte data buffer (truncated?)");
            position = t.End;
            previous = t;
        }
        if (position != bufferLength)
            throw new CheckpointFormatException(path, $"{bufferLength - position} bytes after the last tensor belong to no tensor");
    }
}
