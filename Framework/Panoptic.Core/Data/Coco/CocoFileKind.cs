using System.Text.Json;
using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Coco;

/// <summary>The two COCO annotation formats.</summary>
public enum CocoFormat
{
    /// <summary>Instances: <c>annotations</c> with <c>segmentation</c>/<c>bbox</c>.</summary>
    Instances,

    /// <summary>Panoptic: <c>annotations</c> with <c>segments_info</c> and a PNG each.</summary>
    Panoptic,
}

/// <summary>Tells a COCO instances file from a panoptic one by the first annotation's keys, reading no further than needed.</summary>
public static class CocoFileKind
{
    /// <exception cref="DatasetDataException">Missing file or invalid JSON.</exception>
    public static CocoFormat Detect(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var buffer = new byte[1 << 16];
            var state = new JsonReaderState();
            var carry = 0;
            while (true)
            {
                var read = stream.Read(buffer, carry, buffer.Length - carry);
                var final = read == 0;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, carry + read), final, state);
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth >= 3)
                    {
                        if (reader.ValueTextEquals("segments_info"u8))
                            return CocoFormat.Panoptic;
                        if (reader.ValueTextEquals("segmentation"u8) || reader.ValueTextEquals("bbox"u8))
                            return CocoFormat.Instances;
                    }
                }
                if (final)
                    return CocoFormat.Instances;
                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                carry = carry + read - consumed;
                Array.Copy(buffer, consumed, buffer, 0, carry);
                if (carry == buffer.Length)
                    Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new DatasetDataException(new DatasetProblem(DatasetProblemKind.UnreadableFile, path, e.Message), e);
        }
    }
}
