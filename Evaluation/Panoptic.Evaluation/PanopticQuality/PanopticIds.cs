using Panoptic.Evaluation.Imaging;

namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>Segment ids in panoptic PNGs: id = R + 256·G + 256²·B (panopticapi's <c>rgb2id</c> / <c>id2rgb</c>).</summary>
public static class PanopticIds
{
    /// <summary>The id of an RGB colour.</summary>
    public static int FromRgb(byte r, byte g, byte b) => r | (g << 8) | (b << 16);

    /// <summary>Row-major id map of an RGB or RGBA image (alpha ignored).</summary>
    /// <exception cref="PanopticDataException">A gray image (panoptic PNGs are RGB).</exception>
    public static int[] FromImage(PngImage image, string source = "PNG")
    {
        ArgumentNullException.ThrowIfNull(image);
        var ids = new int[image.Width * image.Height];
        FromImage(image, ids, source);
        return ids;
    }

    /// <summary>Fills <paramref name="ids"/> (at least width × height long) from an RGB or RGBA image.</summary>
    public static void FromImage(PngImage image, Span<int> ids, string source = "PNG")
    {
        ArgumentNullException.ThrowIfNull(image);
        var c = image.Channels;
        if (c < 3)
            throw new PanopticDataException($"{source}: panoptic PNGs must be RGB or RGBA, this one has {c} channel(s)");
        var pixels = image.Pixels;
        var n = image.Width * image.Height;
        for (int i = 0, p = 0; i < n; i++, p += c)
            ids[i] = pixels[p] | (pixels[p + 1] << 8) | (pixels[p + 2] << 16);
    }

    /// <summary>An RGB image of a row-major id map (ids must be in 0..2²⁴-1).</summary>
    public static PngImage ToImage(ReadOnlySpan<int> ids, int width, int height)
    {
        if (ids.Length != width * height)
            throw new ArgumentException($"id map has {ids.Length} entries, expected {width}x{height}");
        var rgb = new byte[ids.Length * 3];
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            if ((uint)id > 0xFFFFFF)
                throw new ArgumentException($"segment id {id} does not fit in an RGB colour");
            rgb[3 * i] = (byte)id;
            rgb[3 * i + 1] = (byte)(id >> 8);
            rgb[3 * i + 2] = (byte)(id >> 16);
        }
        return new PngImage(width, height, 3, rgb);
    }

    /// <summary>Reads a panoptic PNG (RGB, RGBA or palette) straight into a row-major id map.</summary>
    /// <exception cref="PanopticDataException">The file is missing.</exception>
    /// <exception cref="PngDataException">The file is corrupt, unsupported or gray.</exception>
    public static (int Width, int Height, int[] Ids) ReadPng(string path)
    {
        var (width, height) = ReadPng(path, null, n => new int[n], out var ids);
        return (width, height, ids);
    }

    internal static (int Width, int Height) ReadPng(string path, string? imageId, Func<int, int[]> allocate, out int[] ids)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PanopticDataException($"{path}: PNG{(imageId is null ? "" : $" of image {imageId}")} not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PanopticDataException($"{path}: cannot read: {e.Message}", e);
        }
        return PngDecoder.DecodeIds(bytes, path, allocate, out ids);
    }
}
