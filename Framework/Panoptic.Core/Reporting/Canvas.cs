using Panoptic.Evaluation.Imaging;

namespace Panoptic.Core.Reporting;

/// <summary>
/// An RGB raster, (0, 0) at the top-left, x to the right, y down. Drawing clips silently at the borders, so callers
/// never check bounds. Text drawing is in <c>Canvas.Text.cs</c>.
/// </summary>
public sealed partial class Canvas
{
    private readonly byte[] pixels;

    /// <summary>A <paramref name="width"/> × <paramref name="height"/> canvas filled with <paramref name="background"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive size.</exception>
    public Canvas(int width, int height, Rgb background)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        pixels = new byte[width * height * 3];
        Fill(background);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The colour at (x, y).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the canvas.</exception>
    public Rgb this[int x, int y]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
                throw new ArgumentOutOfRangeException(nameof(x), $"pixel ({x}, {y}) is outside the {Width}x{Height} canvas");
            var i = ((y * Width) + x) * 3;
            return new Rgb(pixels[i], pixels[i + 1], pixels[i + 2]);
        }
    }

    /// <summary>Sets one pixel; outside the canvas nothing happens.</summary>
    public void SetPixel(int x, int y, Rgb color)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            return;
        var i = ((y * Width) + x) * 3;
        pixels[i] = color.R;
        pixels[i + 1] = color.G;
        pixels[i + 2] = color.B;
    }

    /// <summary>Paints every pixel.</summary>
    public void Fill(Rgb color) => FillRect(0, 0, Width, Height, color);

    /// <summary>Paints the pixels x ∈ [x, x + width), y ∈ [y, y + height) (clipped; nothing for a non-positive size).</summary>
    public void FillRect(int x, int y, int width, int height, Rgb color)
    {
        var x0 = Math.Max(0, x);
        var y0 = Math.Max(0, y);
        var x1 = Math.Min(Width, x + width);
        var y1 = Math.Min(Height, y + height);
        for (var yy = y0; yy < y1; yy++)
        {
            for (var xx = x0; xx < x1; xx++)
                SetPixel(xx, yy, color);
        }
    }

    /// <summary>
    /// The outline of the rectangle [x, x + width) × [y, y + height): <paramref name="thickness"/> pixels drawn inwards
    /// from each edge.
    /// </summary>
    public void DrawRect(int x, int y, int width, int height, Rgb color, int thickness = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thickness);
        var t = Math.Min(thickness, Math.Min(width, height));
        FillRect(x, y, width, t, color);
        FillRect(x, y + height - t, width, t, color);
        FillRect(x, y, t, height, color);
        FillRect(x + width - t, y, t, height, color);
    }

    /// <summary>
    /// A straight line from (x0, y0) to (x1, y1), both ends included (Bresenham). With <paramref name="thickness"/> t, a
    /// t × t square is stamped at each point, covering offsets -(t - 1) / 2 … t / 2 (integer division), so a horizontal
    /// line of thickness 3 at y covers rows y - 1 … y + 1 and one of thickness 2 rows y … y + 1.
    /// </summary>
    public void DrawLine(int x0, int y0, int x1, int y1, Rgb color, int thickness = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thickness);
        var before = (thickness - 1) / 2;
        var dx = Math.Abs(x1 - x0);
        var dy = -Math.Abs(y1 - y0);
        var sx = x0 < x1 ? 1 : -1;
        var sy = y0 < y1 ? 1 : -1;
        var error = dx + dy;
        while (true)
        {
            if (thickness == 1)
                SetPixel(x0, y0, color);
            else
                FillRect(x0 - before, y0 - before, thickness, thickness, color);
            if (x0 == x1 && y0 == y1)
                break;
            var e2 = 2 * error;
            if (e2 >= dy)
            {
                error += dy;
                x0 += sx;
            }
            if (e2 <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }

    /// <summary>The pixels as an 8-bit RGB image (a copy).</summary>
    public PngImage ToImage() => new(Width, Height, 3, (byte[])pixels.Clone());

    /// <summary>Writes the canvas as a PNG, atomically (a temporary file in the same folder, then a rename).</summary>
    public void SavePng(string path) => PngCodec.WriteAtomic(path, ToImage(), System.IO.Compression.CompressionLevel.Optimal);
}
