using System.Buffers.Binary;

namespace Panoptic.Core.Engine.Observability.TensorBoard;

/// <summary>
/// TFRecord framing: <c>uint64 length</c>, <c>uint32 masked_crc32c(length bytes)</c>, <c>data</c>,
/// <c>uint32 masked_crc32c(data)</c>, all little-endian.
/// </summary>
public static class TfRecord
{
    public static void Write(Stream stream, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Masked(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Masked(data));
        stream.Write(header);
        stream.Write(data);
        stream.Write(footer);
    }

    /// <summary>Every record of <paramref name="stream"/>, checking both CRCs.</summary>
    /// <exception cref="InvalidDataException">A CRC does not match, or the stream ends inside a record.</exception>
    public static IEnumerable<byte[]> ReadAll(Stream stream)
    {
        var header = new byte[12];
        while (true)
        {
            var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (read == 0)
                yield break;
            if (read < header.Length)
                throw new InvalidDataException("TFRecord stream ends inside a record header");
            if (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8)) != Crc32C.Masked(header.AsSpan(0, 8)))
                throw new InvalidDataException("TFRecord length CRC mismatch");
            var data = new byte[checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header))];
            var footer = new byte[4];
            stream.ReadExactly(data);
            stream.ReadExactly(footer);
            if (BinaryPrimitives.ReadUInt32LittleEndian(footer) != Crc32C.Masked(data))
                throw new InvalidDataException("TFRecord data CRC mismatch");
            yield return data;
        }
    }
}
