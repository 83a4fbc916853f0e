namespace Panoptic.Core.Reporting;

public sealed partial class Canvas
{
    /// <summary>
    /// Draws <paramref name="text"/> with <see cref="BitmapFont"/>, its top-left corner at (x, y); each glyph pixel becomes a
    /// <paramref name="scale"/> × <paramref name="scale"/> block; '\n' starts a new line.
    /// </summary>
    public void DrawText(int x, int y, string text, Rgb color, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        var cx = x;
        var cy = y;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                cx = x;
                cy += BitmapFont.LineHeight * scale;
                continue;
            }
            for (var row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                for (var column = 0; column < BitmapFont.GlyphWidth; column++)
                {
                    if (BitmapFont.IsSet(c, column, row))
                        FillRect(cx + (column * scale), cy + (row * scale), scale, scale, color);
                }
            }
            cx += BitmapFont.Advance * scale;
        }
    }

    /// <summary>
    /// Draws one line of text rotated a quarter turn counter-clockwise (reading bottom to top, as a y-axis label), its
    /// bounding box's top-left corner at (x, y): the box is <see cref="BitmapFont.Measure"/>'s height wide and width tall.
    /// </summary>
    public void DrawTextUp(int x, int y, string text, Rgb color, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        var (length, _) = BitmapFont.Measure(text, scale);
        for (var i = 0; i < text.Length; i++)
        {
            for (var row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                for (var column = 0; column < BitmapFont.GlyphWidth; column++)
                {
                    if (!BitmapFont.IsSet(text[i], column, row))
                        continue;
                    // Unrotated pixel (u, v) of the line maps to (v, length - 1 - u).
                    var u = (i * BitmapFont.Advance) + column;
                    FillRect(x + (row * scale), y + length - ((u + 1) * scale), scale, scale, color);
                }
            }
        }
    }

    /// <summary>Draws text centred horizontally on <paramref name="centerX"/>, top at <paramref name="y"/>.</summary>
    public void DrawTextCentered(int centerX, int y, string text, Rgb color, int scale = 1) =>
        DrawText(centerX - (BitmapFont.Measure(text, scale).Width / 2), y, text, color, scale);
}
