using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch.Vision;

/// <summary>Channel order of decoded/encoded 3-channel images.</summary>
public enum ColorOrder
{
    Rgb,
    Bgr,
}

/// <summary>Encoded image formats.</summary>
public enum ImageFileFormat
{
    Png,
    Jpeg,
}

/// <summary>Resampling of <see cref="ImageCodec.Resize"/>.</summary>
public enum ImageInterpolation
{
    Nearest = 0,
    Bilinear = 1,
    Area = 2,
}

/// <summary>An image that cannot be read or written: the message names the file and the reason.</summary>
public sealed class ImageDataException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Image files as (H, W, C) uint8 tensors, through OpenCV in the native shim: JPEG/PNG (and whatever else OpenCV
/// reads) decode, lossless PNG and JPEG encode, resize. Writes are atomic (temp file + rename).
/// </summary>
public static class ImageCodec
{
    /// <summary>Whether the shim was built with OpenCV.</summary>
    public static bool IsAvailable
    {
        get
        {
            Torch.Initialize();
            return pn_image_codecs_available() != 0;
        }
    }

    /// <summary>Decodes an encoded image to (H, W, 3) uint8 (or (H, W, 1) when <paramref name="grayscale"/>).</summary>
    public static unsafe Tensor Decode(ReadOnlySpan<byte> encoded, ColorOrder order = ColorOrder.Rgb, bool grayscale = false)
    {
        Torch.Initialize();
        var mode = grayscale ? 2 : order == ColorOrder.Rgb ? 1 : 0;
        fixed (byte* p = encoded) return Checked.Wrap(pn_image_decode(p, encoded.Length, mode));
    }

    /// <summary>Reads and decodes <paramref name="path"/>; a missing or corrupt file is an <see cref="ImageDataException"/> naming it.</summary>
    public static Tensor Read(string path, ColorOrder order = ColorOrder.Rgb, bool grayscale = false)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageDataException($"cannot read image '{path}': {e.Message}", e);
        }
        try
        {
            return Decode(bytes, order, grayscale);
        }
        catch (TorchException e)
        {
            throw new ImageDataException($"image '{path}' ({bytes.Length} bytes): {e.Message}", e);
        }
    }

    /// <summary>Encodes (H, W, C) or (H, W) uint8 to PNG (lossless; <paramref name="quality"/> = compression 0–9) or JPEG (quality 0–100).</summary>
    public static byte[] Encode(Tensor image, ImageFileFormat format = ImageFileFormat.Png, int quality = -1, ColorOrder order = ColorOrder.Rgb)
    {
        var ext = format == ImageFileFormat.Png ? ".png" : ".jpg";
        if (format == ImageFileFormat.Jpeg && quality < 0) quality = 95;
        using var bytes = Checked.Wrap(pn_image_encode(image.Handle, ext, quality, order == ColorOrder.Rgb ? 1 : 0));
        return bytes.ToArray<byte>();
    }

    /// <summary>Encodes and writes atomically; the format follows the extension (.png, .jpg/.jpeg).</summary>
    public static void Write(string path, Tensor image, int quality = -1, ColorOrder order = ColorOrder.Rgb)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var format = ext switch
        {
            ".png" => ImageFileFormat.Png,
            ".jpg" or ".jpeg" => ImageFileFormat.Jpeg,
            _ => throw new ImageDataException($"cannot write image '{path}': unknown extension '{ext}' (valid: .png, .jpg, .jpeg)"),
        };
        AtomicFile.WriteAllBytes(path, Encode(image, format, quality, order));
    }

    /// <summary>Resizes (H, W, C) or (H, W) uint8 to (height, width) with OpenCV.</summary>
    public static Tensor Resize(Tensor image, long height, long width, ImageInterpolation interpolation = ImageInterpolation.Bilinear) =>
        Checked.Wrap(pn_image_resize(image.Handle, height, width, (int)interpolation));
}
