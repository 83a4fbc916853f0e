using Panoptic.Core.Reporting;

namespace Panoptic.Core.Visualization;

/// <summary>Images and legends of painted segments on a <see cref="Canvas"/>.</summary>
public static class SegmentLegend
{
    /// <summary>Height of one legend row in pixels (a swatch and a line of text).</summary>
    public const int RowHeight = BitmapFont.LineHeight + 4;

    /// <summary>Copies an H×W×3 RGB image onto the canvas with its top-left corner at (x, y) (clipped).</summary>
    public static void Blit(Canvas canvas, int x, int y, ReadOnlySpan<byte> rgb, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (rgb.Length != height * width * 3)
            throw new ArgumentException($"{rgb.Length} bytes is not a {height}x{width} RGB image", nameof(rgb));
        for (var row = 0; row < height; row++)
        {
            for (var column = 0; column < width; column++)
            {
                var p = 3 * (row * width + column);
                canvas.SetPixel(x + column, y + row, new Rgb(rgb[p], rgb[p + 1], rgb[p + 2]));
            }
        }
    }

    /// <summary>
    /// Draws one row per segment (a colour swatch and its label) from (x, y) downwards, at most
    /// <paramref name="maxRows"/> rows (the last one says how many more there are).
    /// </summary>
    /// <returns>The rows drawn.</returns>
    public static int Draw(Canvas canvas, int x, int y, IReadOnlyList<PaintedSegment> segments, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(segments);
        var rows = 0;
        for (var i = 0; i < segments.Count && rows < maxRows; i++, rows++)
        {
            var top = y + rows * RowHeight;
            if (rows == maxRows - 1 && i < segments.Count - 1)
            {
                canvas.DrawText(x, top + 2, $"... {segments.Count - i} more", Rgb.Axis);
                return rows + 1;
            }
            var (r, g, b) = segments[i].Colour;
            canvas.FillRect(x, top + 1, BitmapFont.LineHeight, BitmapFont.LineHeight, new Rgb(r, g, b));
            canvas.DrawRect(x, top + 1, BitmapFont.LineHeight, BitmapFont.LineHeight, Rgb.Axis);
            canvas.DrawText(x + BitmapFont.LineHeight + 4, top + 2, segments[i].Label, Rgb.Black);
        }
        return rows;
    }

    /// <summary>Width in pixels the legend of <paramref name="segments"/> takes.</summary>
    public static int Width(IReadOnlyList<PaintedSegment> segments) =>
        BitmapFont.LineHeight + 4 + segments.Select(s => BitmapFont.Measure(s.Label).Width).DefaultIfEmpty(0).Max();
}
