namespace Panoptic.Core.Reporting;

/// <summary>
/// The parts charts share: the layout of title, axis labels and tick labels around a <see cref="PlotArea"/>, and the
/// drawing of title, grid, axes, y ticks and legend.
/// </summary>
public static class ChartFrame
{
    private const int Pad = 6;

    /// <summary>
    /// The plot area left once the title (top), y tick labels and y label (left), and one row of x tick labels plus the x label
    /// (bottom) have their room, for a <paramref name="width"/> × <paramref name="height"/> canvas.
    /// </summary>
    /// <exception cref="ArgumentException">The canvas is too small for the texts.</exception>
    public static PlotArea Layout(int width, int height, int scale, string? title, string? xLabel, string? yLabel, ChartAxis yAxis, int xTickRows = 1)
    {
        var line = BitmapFont.Measure("0", scale).Height;
        var top = Pad + (string.IsNullOrEmpty(title) ? 0 : BitmapFont.Measure(title, scale + 1).Height + Pad) + (line / 2);
        var tickWidth = yAxis.Labels.Count == 0 ? 0 : yAxis.Labels.Max(l => BitmapFont.Measure(l, scale).Width);
        var left = Pad + (string.IsNullOrEmpty(yLabel) ? 0 : line + Pad) + tickWidth + Pad + 4;
        var bottom = Pad + (Pad + 4) + (xTickRows * BitmapFont.LineHeight * scale) + (string.IsNullOrEmpty(xLabel) ? 0 : line + Pad);
        var right = Pad * 3;
        var area = new PlotArea(left, top, width - left - right, height - top - bottom);
        if (area.Width < 10 || area.Height < 10)
            throw new ArgumentException($"a {width}x{height} chart leaves no room to plot (area {area.Width}x{area.Height}); make it larger");
        return area;
    }

    /// <summary>Draws the title (centred, one size larger), the y label (rotated) and the x label (centred under the area).</summary>
    public static void DrawLabels(Canvas canvas, PlotArea area, int scale, string? title, string? xLabel, string? yLabel)
    {
        if (!string.IsNullOrEmpty(title))
            canvas.DrawTextCentered(canvas.Width / 2, Pad, title, Rgb.Black, scale + 1);
        if (!string.IsNullOrEmpty(yLabel))
        {
            var length = BitmapFont.Measure(yLabel, scale).Width;
            canvas.DrawTextUp(Pad, area.Top + (area.Height / 2) - (length / 2), yLabel, Rgb.Black, scale);
        }
        if (!string.IsNullOrEmpty(xLabel))
        {
            var h = BitmapFont.Measure(xLabel, scale).Height;
            canvas.DrawTextCentered(area.Left + (area.Width / 2), canvas.Height - Pad - h, xLabel, Rgb.Black, scale);
        }
    }

    /// <summary>Draws horizontal grid lines at the y ticks, the two axis lines, and the y tick marks with their labels.</summary>
    public static void DrawYAxis(Canvas canvas, PlotArea area, ChartAxis axis, int scale)
    {
        var lineHeight = BitmapFont.Measure("0", scale).Height;
        for (var i = 0; i < axis.Ticks.Count; i++)
        {
            var f = axis.Fraction(axis.Ticks[i]);
            if (f is < -1e-9 or > 1 + 1e-9)
                continue;
            var y = area.Y(f);
            canvas.DrawLine(area.Left, y, area.Left + area.Width - 1, y, Rgb.Grid);
            canvas.DrawLine(area.Left - 5, y, area.Left - 2, y, Rgb.Axis);
            var w = BitmapFont.Measure(axis.Labels[i], scale).Width;
            canvas.DrawText(area.Left - 8 - w, y - (lineHeight / 2) + scale, axis.Labels[i], Rgb.Axis, scale);
        }
        canvas.DrawLine(area.Left - 1, area.Top, area.Left - 1, area.Bottom, Rgb.Axis);
        canvas.DrawLine(area.Left - 1, area.Bottom, area.Left + area.Width - 1, area.Bottom, Rgb.Axis);
    }

    /// <summary>Draws an x tick mark at column <paramref name="x"/> and its label centred below the axis.</summary>
    public static void DrawXTick(Canvas canvas, PlotArea area, int x, string label, int scale, bool mark = true)
    {
        if (mark)
            canvas.DrawLine(x, area.Bottom + 1, x, area.Bottom + 4, Rgb.Axis);
        canvas.DrawTextCentered(x, area.Bottom + Pad + 2, label, Rgb.Axis, scale);
    }

    /// <summary>A legend box in the top-right corner of the area: a colour swatch and the name of each entry.</summary>
    public static void DrawLegend(Canvas canvas, PlotArea area, IReadOnlyList<(string Name, Rgb Color)> entries, int scale)
    {
        if (entries.Count == 0)
            return;
        var line = BitmapFont.LineHeight * scale;
        var swatch = BitmapFont.GlyphHeight * scale;
        var textWidth = entries.Max(e => BitmapFont.Measure(e.Name, scale).Width);
        var boxWidth = Pad + swatch + Pad + textWidth + Pad;
        var boxHeight = Pad + (entries.Count * line) - (line - swatch) + Pad;
        var x = area.Left + area.Width - boxWidth - Pad;
        var y = area.Top + Pad;
        canvas.FillRect(x, y, boxWidth, boxHeight, Rgb.White);
        canvas.DrawRect(x, y, boxWidth, boxHeight, Rgb.Axis);
        for (var i = 0; i < entries.Count; i++)
        {
            var ey = y + Pad + (i * line);
            canvas.FillRect(x + Pad, ey, swatch, swatch, entries[i].Color);
            canvas.DrawText(x + Pad + swatch + Pad, ey, entries[i].Name, Rgb.Black, scale);
        }
    }
}
