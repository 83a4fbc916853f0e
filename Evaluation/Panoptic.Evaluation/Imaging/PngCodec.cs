using System.IO.Compression;
using Panoptic.Evaluation.IO;

namespace Panoptic.Evaluation.Imaging;

/// <summary>
/// A small PNG codec in pure C# (zlib from the BCL). Reads non-interlaced 8-bit gray, gray + alpha, RGB, RGBA and
/// palette images (palette expanded to RGB; all five filter types); rejects anything else with a
/// <see cref="PngDataException"/> naming the file. Writes 8-bit images with per-row adaptive filtering.
/// </summary>
public static class PngCodec
{
    /// <summary>Reads and decodes a PNG file.</summary>
    /// <exception cref="PngDataException">Missing, corrupt or unsupported file (the message names it).</exception>
    public static PngImage Decode(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PngDataException($"{path}: cannot read: {e.Message}", e);
        }
        return PngDecoder.Decode(bytes, path);
    }

    /// <summary>Decodes PNG bytes; <paramref name="source"/> names them in error messages.</summary>
    public static PngImage Decode(ReadOnlySpan<byte> data, string source = "PNG data") => PngDecoder.Decode(data, source);

    /// <summary>Encodes an image to PNG bytes.</summary>
    public static byte[] Encode(PngImage image, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var stream = new MemoryStream();
        Encode(image, stream, level);
        return stream.ToArray();
    }

    /// <summary>Encodes an image to a stream.</summary>
    public static void Encode(PngImage image, Stream output, CompressionLevel level = CompressionLevel.Fastest)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(output);
        PngEncoder.Encode(image, output, level);
    }

    /// <summary>Writes an image as a PNG file through a temporary file and a rename, so the file is never half-written.</summary>
    public static void WriteAtomic(string path, PngImage image, CompressionLevel level = CompressionLevel.Fastest)
    {
        var bytes = Encode(image, level);
        AtomicFile.WriteAllBytes(path, bytes);
    }
}
