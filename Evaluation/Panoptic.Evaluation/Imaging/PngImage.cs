namespace Panoptic.Evaluation.Imaging;

/// <summary>
/// An 8-bit image: <see cref="Pixels"/> holds <see cref="Height"/> rows of <see cref="Width"/> pixels, each of
/// <see cref="Channels"/> bytes (1 gray, 2 gray + alpha, 3 RGB, 4 RGBA), row-major, no padding.
/// </summary>
public sealed record PngImage
{
    /// <summary>Wraps pixel bytes (not copied).</summary>
    /// <exception cref="ArgumentException">Non-positive size, channels outside 1..4, or a pixel buffer of the wrong length.</exception>
    public PngImage(int width, int height, int channels, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (width <= 0 || height <= 0)
            throw new ArgumentException($"image size must be positive, got {width}x{height}");
        if (channels is < 1 or > 4)
            throw new ArgumentException($"channels must be 1..4, got {channels}");
        if (pixels.LongLength != (long)width * height * channels)
            throw new ArgumentException($"pixel buffer has {pixels.LongLength} bytes, expected {width}x{height}x{channels}");
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    public byte[] Pixels { get; }
}
