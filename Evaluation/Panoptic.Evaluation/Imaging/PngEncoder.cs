using System.Buffers.Binary;
using System.IO.Compression;

namespace Panoptic.Evaluation.Imaging;

/// <summary>Writes 8-bit PNGs (gray, gray + alpha, RGB, RGBA), one adaptive filter per row, one IDAT chunk.</summary>
internal static class PngEncoder
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    public static void Encode(PngImage image, Stream output, CompressionLevel level)
    {
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)image.Width);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)image.Height);
        header[8] = 8;
        header[9] = image.Channels switch { 1 => 0, 2 => 4, 3 => 2, _ => 6 };
        WriteChunk(output, "IHDR"u8, header);
        WriteChunk(output, "IDAT"u8, Compress(image, level));
        WriteChunk(output, "IEND"u8, []);
    }

    private static ReadOnlySpan<byte> Compress(PngImage image, CompressionLevel level)
    {
        var stride = image.Width * image.Channels;
        var buffer = new MemoryStream();
        using (var deflater = new ZLibStream(buffer, level, leaveOpen: true))
        {
            var filtered = new byte[stride + 1];
            var zeros = new byte[stride];
            for (var y = 0; y < image.Height; y++)
            {
                var row = image.Pixels.AsSpan(y * stride, stride);
                var previous = y == 0 ? zeros : image.Pixels.AsSpan((y - 1) * stride, stride);
                var filter = PngFilters.Choose(row, previous, image.Channels, filtered.AsSpan(1));
                PngFilters.Filter(filter, row, previous, image.Channels, filtered.AsSpan(1));
                filtered[0] = (byte)filter;
                deflater.Write(filtered);
            }
        }
        return buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> body)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)body.Length);
        output.Write(word);
        output.Write(type);
        output.Write(body);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(type), body));
        output.Write(word);
    }
}
