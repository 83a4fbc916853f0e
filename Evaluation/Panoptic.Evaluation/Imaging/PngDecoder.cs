using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Panoptic.Evaluation.Imaging;

/// <summary>
/// Reads non-interlaced 8-bit PNGs: gray, gray + alpha, RGB, RGBA and palette (expanded to RGB). The image data is
/// inflated in one pass into a pooled buffer and unfiltered in place, row by row.
/// </summary>
internal static class PngDecoder
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    public static PngImage Decode(ReadOnlySpan<byte> data, string source)
    {
        var png = Parse(data, source);
        var rows = Inflate(png, source);
        try
        {
            var h = png.Header;
            var stride = h.Width * h.Channels;
            var outChannels = h.ColorType == 3 ? 3 : h.Channels;
            var pixels = new byte[(long)h.Width * h.Height * outChannels];
            for (var y = 0; y < h.Height; y++)
            {
                var row = rows.AsSpan(y * (stride + 1) + 1, stride);
                var target = pixels.AsSpan(y * h.Width * outChannels, h.Width * outChannels);
                if (h.ColorType == 3)
                    ExpandPalette(row, png.Palette!, target, source);
                else
                    row.CopyTo(target);
            }
            return new PngImage(h.Width, h.Height, outChannels, pixels);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rows);
        }
    }

    /// <summary>
    /// Decodes an RGB, RGBA or palette PNG straight into segment ids R + 256·G + 256²·B (panoptic PNGs), without
    /// materialising the colour image. <paramref name="ids"/> must hold width × height values.
    /// </summary>
    public static (int Width, int Height) DecodeIds(ReadOnlySpan<byte> data, string source, Func<int, int[]> allocate, out int[] ids)
    {
        var png = Parse(data, source);
        var h = png.Header;
        if (h.ColorType is 0 or 4)
            throw Error(source, "a gray PNG cannot hold panoptic ids (expected RGB, RGBA or palette)");
        var rows = Inflate(png, source);
        try
        {
            ids = allocate(h.Width * h.Height);
            var stride = h.Width * h.Channels;
            Span<int> paletteIds = stackalloc int[256];
            if (png.Palette is { } palette)
            {
                for (var i = 0; i < palette.Length / 3; i++)
                    paletteIds[i] = palette[3 * i] | (palette[3 * i + 1] << 8) | (palette[3 * i + 2] << 16);
            }
            var entries = png.Palette?.Length / 3 ?? 0;
            for (var y = 0; y < h.Height; y++)
            {
                var row = rows.AsSpan(y * (stride + 1) + 1, stride);
                var target = ids.AsSpan(y * h.Width, h.Width);
                if (h.ColorType == 3)
                {
                    for (var x = 0; x < target.Length; x++)
                    {
                        int index = row[x];
                        if (index >= entries)
                            throw Error(source, $"palette index {index} outside a palette of {entries} colours");
                        target[x] = paletteIds[index];
                    }
                }
                else
                {
                    RgbToIds(row, h.Channels, target);
                }
            }
            return (h.Width, h.Height);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rows);
        }
    }

    private static unsafe void RgbToIds(ReadOnlySpan<byte> row, int channels, Span<int> ids)
    {
        fixed (byte* p0 = row)
        fixed (int* q0 = ids)
        {
            var p = p0;
            for (int x = 0, n = ids.Length; x < n; x++, p += channels)
                q0[x] = p[0] | (p[1] << 8) | (p[2] << 16);
        }
    }

    private static ParsedPng Parse(ReadOnlySpan<byte> data, string source)
    {
        if (data.Length < Signature.Length || !data[..Signature.Length].SequenceEqual(Signature))
            throw Error(source, "not a PNG file (bad signature)");
        Header? header = null;
        byte[]? palette = null;
        var compressed = new MemoryStream();
        var p = Signature.Length;
        while (true)
        {
            if (p + 12 > data.Length)
                throw Error(source, "truncated file (no IEND chunk)");
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[p..]);
            if (length > int.MaxValue || p + 12 + (long)length > data.Length)
                throw Error(source, "truncated chunk");
            var type = data.Slice(p + 4, 4);
            var body = data.Slice(p + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data[(p + 8 + (int)length)..]);
            if (Crc32.Compute(data.Slice(p + 4, 4 + (int)length)) != crc)
                throw Error(source, $"CRC mismatch in chunk '{System.Text.Encoding.ASCII.GetString(type)}'");
            p += 12 + (int)length;
            if (type.SequenceEqual("IHDR"u8))
                header = ReadHeader(body, source);
            else if (type.SequenceEqual("PLTE"u8))
                palette = body.ToArray();
            else if (type.SequenceEqual("IDAT"u8))
                compressed.Write(header is null ? throw Error(source, "IDAT before IHDR") : body);
            else if (type.SequenceEqual("IEND"u8))
                break;
            else if ((type[0] & 0x20) == 0)
                throw Error(source, $"unknown critical chunk '{System.Text.Encoding.ASCII.GetString(type)}'");
        }
        if (header is not { } h)
            throw Error(source, "no IHDR chunk");
        if (h.ColorType == 3 && (palette is null || palette.Length % 3 != 0 || palette.Length > 768))
            throw Error(source, "palette image without a valid PLTE chunk");
        compressed.Position = 0;
        return new ParsedPng(h, h.ColorType == 3 ? palette : null, compressed);
    }

    /// <summary>Inflates all rows (filter byte + data each) into a pooled buffer and unfilters them in place.</summary>
    private static byte[] Inflate(ParsedPng png, string source)
    {
        var h = png.Header;
        var stride = h.Width * h.Channels;
        var size = (stride + 1) * h.Height;
        var rows = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            using (var inflater = new ZLibStream(png.Data, CompressionMode.Decompress))
                inflater.ReadExactly(rows, 0, size);
            var zeros = ArrayPool<byte>.Shared.Rent(stride);
            try
            {
                Array.Clear(zeros, 0, stride);
                for (var y = 0; y < h.Height; y++)
                {
                    var start = y * (stride + 1);
                    var previous = y == 0 ? zeros.AsSpan(0, stride) : rows.AsSpan(start - stride, stride);
                    PngFilters.Unfilter(rows[start], rows.AsSpan(start + 1, stride), previous, h.Channels);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(zeros);
            }
            return rows;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            ArrayPool<byte>.Shared.Return(rows);
            throw Error(source, e is EndOfStreamException ? "image data ends early" : $"corrupt image data: {e.Message}", e);
        }
    }

    private static void ExpandPalette(ReadOnlySpan<byte> indices, byte[] palette, Span<byte> rgb, string source)
    {
        var entries = palette.Length / 3;
        for (var i = 0; i < indices.Length; i++)
        {
            int index = indices[i];
            if (index >= entries)
                throw Error(source, $"palette index {index} outside a palette of {entries} colours");
            rgb[3 * i] = palette[3 * index];
            rgb[3 * i + 1] = palette[3 * index + 1];
            rgb[3 * i + 2] = palette[3 * index + 2];
        }
    }

    private static Header ReadHeader(ReadOnlySpan<byte> body, string source)
    {
        if (body.Length != 13)
            throw Error(source, "IHDR chunk has the wrong length");
        var width = BinaryPrimitives.ReadUInt32BigEndian(body);
        var height = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
        int bitDepth = body[8], colorType = body[9], compression = body[10], filter = body[11], interlace = body[12];
        if (width == 0 || height == 0 || width > 1 << 15 || height > 1 << 15)
            throw Error(source, $"unsupported image size {width}x{height}");
        if ((long)width * 4 * height > int.MaxValue / 2)
            throw Error(source, $"image of {width}x{height} pixels is too large");
        if (compression != 0 || filter != 0)
            throw Error(source, "unknown compression or filter method");
        if (interlace != 0)
            throw Error(source, "interlaced (Adam7) PNGs are not supported; save it non-interlaced");
        if (bitDepth != 8)
            throw Error(source, $"bit depth {bitDepth} is not supported (only 8-bit gray, gray+alpha, RGB, RGBA and palette)");
        var channels = colorType switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            6 => 4,
            _ => throw Error(source, $"unknown colour type {colorType}"),
        };
        return new Header((int)width, (int)height, colorType, channels);
    }

    private static PngDataException Error(string source, string message, Exception? inner = null) =>
        inner is null ? new PngDataException($"{source}: {message}") : new PngDataException($"{source}: {message}", inner);

    private readonly record struct Header(int Width, int Height, int ColorType, int Channels);

    private sealed record ParsedPng(Header Header, byte[]? Palette, MemoryStream Data);
}
