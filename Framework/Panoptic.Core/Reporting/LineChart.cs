namespace Panoptic.Core.Reporting;

/// <summary>
/// Several named series of (x, y) points joined by lines, on linear x and linear or log10 y axes, with ticks, labels,
/// a title and a legend. Non-finite points (and non-positive y on a log axis) are left out and break their line.
/// </summary>
public sealed class LineChart
{
    public string? Title { get; init; }

    public string? XLabel { get; init; }

    public string? YLabel { get; init; }

    /// <summary>Log10 y axis.</summary>
    public bool LogY { get; init; }

    public int Width { get; init; } = 800;

    public int Height { get; init; } = 480;

    /// <summary>Integer font scale (1 = 5×8 pixel glyphs; the title is one step larger).</summary>
    public int FontScale { get; init; } = 1;

    public int LineThickness { get; init; } = 2;

    /// <summary>Fixed axis bounds; null: from the data, widened to nice ticks.</summary>
    public double? XMin { get; init; }

    public double? XMax { get; init; }

    public double? YMin { get; init; }

    public double? YMax { get; init; }

    public List<LineSeries> Series { get; } = [];

    /// <summary>Adds a series and returns this chart.</summary>
    public LineChart Add(string name, IEnumerable<(double X, double Y)> points, Rgb? color = null)
    {
        Series.Add(new LineSeries(name, points.ToList(), color));
        return this;
    }

    /// <summary>The x axis: [XMin, XMax] when both are set, else the data's range widened to nice ticks.</summary>
    public ChartAxis XAxis()
    {
        var xs = Points().Select(p => p.X).ToList();
        return Fixed(ChartAxis.Linear(XMin ?? (xs.Count > 0 ? xs.Min() : 0), XMax ?? (xs.Count > 0 ? xs.Max() : 1)), XMin, XMax);
    }

    /// <summary>The y axis (log10 when <see cref="LogY"/>): [YMin, YMax] when both are set, else the data's range widened.</summary>
    public ChartAxis YAxis()
    {
        var ys = Points().Select(p => p.Y).ToList();
        if (LogY)
        {
            var lo = YMin ?? (ys.Count > 0 ? ys.Min() : 0.1);
            var hi = YMax ?? (ys.Count > 0 ? ys.Max() : 1);
            return Fixed(ChartAxis.Log10(lo, hi), YMin, YMax);
        }
        return Fixed(ChartAxis.Linear(YMin ?? (ys.Count > 0 ? ys.Min() : 0), YMax ?? (ys.Count > 0 ? ys.Max() : 1)), YMin, YMax);
    }

    /// <summary>Where the data goes on the canvas.</summary>
    public PlotArea Layout() => ChartFrame.Layout(Width, Height, FontScale, Title, XLabel, YLabel, YAxis());

    /// <summary>The pixel of data point (x, y), or null when the point is not drawable.</summary>
    public (int X, int Y)? PixelOf(double x, double y)
    {
        if (!Drawable(x, y))
            return null;
        var area = Layout();
        return (area.X(XAxis().Fraction(x)), area.Y(YAxis().Fraction(y)));
    }

    /// <summary>Draws the chart on a new white canvas.</summary>
    public Canvas Render()
    {
        var canvas = new Canvas(Width, Height, Rgb.White);
        var xAxis = XAxis();
        var yAxis = YAxis();
        var area = Layout();
        ChartFrame.DrawYAxis(canvas, area, yAxis, FontScale);
        for (var i = 0; i < xAxis.Ticks.Count; i++)
        {
            var f = xAxis.Fraction(xAxis.Ticks[i]);
            if (f is >= -1e-9 and <= 1 + 1e-9)
                ChartFrame.DrawXTick(canvas, area, area.X(f), xAxis.Labels[i], FontScale);
        }
        var legend = new List<(string, Rgb)>();
        for (var s = 0; s < Series.Count; s++)
        {
            var color = Series[s].Color ?? ChartPalette.At(s);
            legend.Add((Series[s].Name, color));
            (int X, int Y)? previous = null;
            foreach (var (x, y) in Series[s].Points)
            {
                if (!Drawable(x, y))
                {
                    previous = null;
                    continue;
                }
                var p = (X: area.X(xAxis.Fraction(x)), Y: area.Y(yAxis.Fraction(y)));
                if (previous is { } q)
                    canvas.DrawLine(q.X, q.Y, p.X, p.Y, color, LineThickness);
                else
                    canvas.DrawLine(p.X, p.Y, p.X, p.Y, color, LineThickness);
                previous = p;
            }
        }
        ChartFrame.DrawLegend(canvas, area, legend, FontScale);
        ChartFrame.DrawLabels(canvas, area, FontScale, Title, XLabel, YLabel);
        return canvas;
    }

    /// <summary>Renders and writes the chart as a PNG, atomically.</summary>
    public void Save(string path) => Render().SavePng(path);

    private bool Drawable(double x, double y) => double.IsFinite(x) && double.IsFinite(y) && (!LogY || y > 0);

    private IEnumerable<(double X, double Y)> Points() => Series.SelectMany(s => s.Points).Where(p => Drawable(p.X, p.Y));

    private static ChartAxis Fixed(ChartAxis axis, double? min, double? max) =>
        min is { } lo && max is { } hi ? axis with { Min = lo, Max = hi } : axis;
}
