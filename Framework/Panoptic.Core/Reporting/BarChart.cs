using System.Globalization;

namespace Panoptic.Core.Reporting;

/// <summary>
/// Groups of bars (bar i of every group belongs to series i, with its colour and legend entry), each bar a mean with a
/// ± std error bar and its value printed above, on a linear y axis starting at <see cref="YMin"/> (default 0).
/// </summary>
public sealed class BarChart
{
    public string? Title { get; init; }

    public string? YLabel { get; init; }

    public int Width { get; init; } = 800;

    public int Height { get; init; } = 480;

    /// <summary>Integer font scale (1 = 5×8 pixel glyphs; the title is one step larger).</summary>
    public int FontScale { get; init; } = 1;

    /// <summary>Bottom of the y axis (bars grow from it).</summary>
    public double YMin { get; init; }

    /// <summary>Top of the y axis; null: the largest mean + std, widened to a nice tick.</summary>
    public double? YMax { get; init; }

    /// <summary>Print each mean above its bar.</summary>
    public bool ShowValues { get; init; } = true;

    /// <summary>Number format of printed values.</summary>
    public string ValueFormat { get; init; } = "0.000";

    /// <summary>Legend names of the series (may be empty: no legend).</summary>
    public List<string> SeriesNames { get; } = [];

    public List<BarGroup> Groups { get; } = [];

    /// <summary>Adds a group and returns this chart.</summary>
    public BarChart Add(string label, params BarValue[] bars)
    {
        Groups.Add(new BarGroup(label, bars));
        return this;
    }

    /// <summary>The y axis: [YMin, YMax] when YMax is set, else up to the largest mean + std (+8% for the printed values), widened to nice ticks.</summary>
    public ChartAxis YAxis()
    {
        if (YMax is { } max)
            return ChartAxis.Linear(YMin, max) with { Min = YMin, Max = max };
        var tops = Groups.SelectMany(g => g.Bars).Where(b => double.IsFinite(b.Mean)).Select(b => b.Mean + (double.IsFinite(b.Std) ? Math.Abs(b.Std) : 0)).ToList();
        // 8% headroom above the highest error bar for the printed values.
        var top = tops.Count > 0 ? Math.Max(YMin + ((tops.Max() - YMin) * 1.08), YMin) : YMin + 1;
        var axis = ChartAxis.Linear(YMin, top == YMin ? YMin + 1 : top);
        return axis with { Min = YMin };
    }

    /// <summary>Where the bars go on the canvas.</summary>
    public PlotArea Layout()
    {
        var rows = Groups.Count == 0 ? 1 : Groups.Max(g => g.Label.Split('\n').Length);
        return ChartFrame.Layout(Width, Height, FontScale, Title, null, YLabel, YAxis(), rows);
    }

    /// <summary>
    /// The pixel columns [Left, Left + Width) of bar <paramref name="bar"/> in group <paramref name="group"/>: each group gets
    /// an equal slot of the plot width, its bars share the middle 75% of it side by side.
    /// </summary>
    public (int Left, int Width) BarColumns(int group, int bar)
    {
        var area = Layout();
        var bars = Math.Max(1, Groups[group].Bars.Count);
        var slot = (double)area.Width / Math.Max(1, Groups.Count);
        var inner = slot * 0.75;
        var barWidth = inner / bars;
        var left = area.Left + (group * slot) + ((slot - inner) / 2) + (bar * barWidth);
        var x0 = (int)Math.Round(left);
        var x1 = (int)Math.Round(left + barWidth);
        return (x0, Math.Max(1, x1 - x0 - (bars > 1 ? 1 : 0)));
    }

    /// <summary>Draws the chart on a new white canvas.</summary>
    public Canvas Render()
    {
        var canvas = new Canvas(Width, Height, Rgb.White);
        var axis = YAxis();
        var area = Layout();
        ChartFrame.DrawYAxis(canvas, area, axis, FontScale);
        var slot = (double)area.Width / Math.Max(1, Groups.Count);
        for (var g = 0; g < Groups.Count; g++)
        {
            ChartFrame.DrawXTick(canvas, area, area.Left + (int)Math.Round((g + 0.5) * slot), Groups[g].Label, FontScale, mark: false);
            for (var b = 0; b < Groups[g].Bars.Count; b++)
                DrawBar(canvas, area, axis, Groups[g].Bars[b], BarColumns(g, b), ChartPalette.At(b));
        }
        ChartFrame.DrawLegend(canvas, area, SeriesNames.Select((n, i) => (n, ChartPalette.At(i))).ToList(), FontScale);
        ChartFrame.DrawLabels(canvas, area, FontScale, Title, null, YLabel);
        return canvas;
    }

    /// <summary>Renders and writes the chart as a PNG, atomically.</summary>
    public void Save(string path) => Render().SavePng(path);

    private void DrawBar(Canvas canvas, PlotArea area, ChartAxis axis, BarValue value, (int Left, int Width) columns, Rgb color)
    {
        if (!double.IsFinite(value.Mean))
            return;
        var height = area.BarHeight(axis.Fraction(value.Mean));
        canvas.FillRect(columns.Left, area.Bottom - height, columns.Width, height, color);
        var center = columns.Left + (columns.Width / 2);
        var top = area.Bottom - height;
        if (value.Std > 0 && double.IsFinite(value.Std))
        {
            var hi = area.Bottom - area.BarHeight(axis.Fraction(value.Mean + value.Std));
            var lo = area.Bottom - area.BarHeight(axis.Fraction(value.Mean - value.Std));
            var cap = Math.Max(2, columns.Width / 4);
            canvas.DrawLine(center, hi, center, lo, Rgb.Black);
            canvas.DrawLine(center - cap, hi, center + cap, hi, Rgb.Black);
            canvas.DrawLine(center - cap, lo, center + cap, lo, Rgb.Black);
            top = Math.Min(top, hi);
        }
        if (ShowValues)
        {
            var text = value.Mean.ToString(ValueFormat, CultureInfo.InvariantCulture);
            var y = Math.Max(area.Top, top - BitmapFont.LineHeight * FontScale);
            canvas.DrawTextCentered(center, y, text, Rgb.Black, FontScale);
        }
    }
}
