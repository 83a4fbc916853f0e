using FluentAssertions;
using Panoptic.Core.Reporting;
using Panoptic.Core.Tests.Support;
using Panoptic.Evaluation.Imaging;
using Xunit;

namespace Panoptic.Core.Tests.Reporting;

public class ChartTests
{
    [Fact]
    public void Linear_ticks_are_nice_and_cover_the_data()
    {
        var axis = ChartAxis.Linear(0, 0.87);
        axis.Ticks.Should().Equal(0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0);
        axis.Labels.Should().Equal("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        (axis.Min, axis.Max).Should().Be((0, 1.0));
        ChartAxis.Linear(3, 27, 6).Labels.Should().Equal("0", "5", "10", "15", "20", "25", "30");
        ChartAxis.Linear(0, 0.12).Labels.Should().Equal("0.000", "0.025", "0.050", "0.075", "0.100", "0.125");
    }

    [Fact]
    public void Log_ticks_are_decades_and_fractions_are_logarithmic()
    {
        var axis = ChartAxis.Log10(0.5, 30);
        axis.Labels.Should().Equal("0.1", "1", "10", "100");
        axis.Fraction(1).Should().BeApproximately(1.0 / 3, 1e-12);
        var narrow = ChartAxis.Log10(1.5, 40);
        narrow.Labels.Should().Equal("1", "2", "5", "10", "20", "50", "100");
        narrow.Fraction(10).Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void Bar_heights_in_pixels_are_proportional_to_the_values()
    {
        var chart = new BarChart { Width = 200, Height = 150, YMax = 1.0, ShowValues = false, Title = "t" };
        chart.Add("a", new BarValue(0.5)).Add("b", new BarValue(0.25)).Add("c", new BarValue(1.0));
        var canvas = chart.Render();
        var area = chart.Layout();
        var color = ChartPalette.At(0);
        int[] expected = [(int)Math.Round(0.5 * area.Height), (int)Math.Round(0.25 * area.Height), area.Height];
        for (var g = 0; g < 3; g++)
        {
            var (left, width) = chart.BarColumns(g, 0);
            width.Should().BeGreaterThan(2);
            var column = Enumerable.Range(0, canvas.Height).Where(y => canvas[left + 1, y] == color).ToList();
            column.Should().HaveCount(expected[g], $"bar {g}");
            column.Should().Equal(Enumerable.Range(area.Bottom - expected[g], expected[g]), "a bar stands on the axis, without gaps");
            canvas[left - 1, area.Bottom - 1].Should().NotBe(color);
        }
    }

    [Fact]
    public void Error_bars_span_mean_minus_to_plus_std()
    {
        var chart = new BarChart { Width = 160, Height = 140, YMax = 1.0, ShowValues = false };
        chart.Add("a", new BarValue(0.5, 0.2));
        var canvas = chart.Render();
        var area = chart.Layout();
        var (left, width) = chart.BarColumns(0, 0);
        var center = left + (width / 2);
        var black = Enumerable.Range(0, canvas.Height).Where(y => canvas[center, y] == Rgb.Black).ToList();
        var hi = area.Bottom - area.BarHeight(0.7);
        var lo = area.Bottom - area.BarHeight(0.3);
        black.Should().Equal(Enumerable.Range(hi, lo - hi + 1));
    }

    [Fact]
    public void Line_points_land_on_their_mapped_pixels()
    {
        var chart = new LineChart { Width = 240, Height = 180, XMin = 0, XMax = 10, YMin = 0, YMax = 1, LineThickness = 1, Title = "loss" };
        var red = new Rgb(255, 0, 0);
        chart.Add("s", [(0, 0), (10, 1)], red);
        chart.Add("flat", [(0, 0.25), (10, 0.25)], Rgb.Black);
        var area = chart.Layout();
        chart.PixelOf(0, 0).Should().Be((area.Left, area.Bottom - 1));
        chart.PixelOf(10, 1).Should().Be((area.Left + area.Width - 1, area.Top));
        chart.PixelOf(double.NaN, 1).Should().BeNull();
        var canvas = chart.Render();
        canvas[area.Left, area.Bottom - 1].Should().Be(red);
        var row = chart.PixelOf(0, 0.25)!.Value.Y;
        row.Should().Be(area.Y(0.25));
        Enumerable.Range(area.Left, area.Width).Should().OnlyContain(x => canvas[x, row] == Rgb.Black);
        canvas[area.Left - 2, row].Should().NotBe(Rgb.Black);
    }

    [Fact]
    public void Log_y_maps_decades_evenly_and_drops_non_positive_points()
    {
        var chart = new LineChart { Width = 240, Height = 180, LogY = true, XMin = 0, XMax = 2, YMin = 1, YMax = 100 };
        chart.Add("loss", [(0, 100), (1, 10), (2, 1), (2, 0)]);
        var area = chart.Layout();
        chart.PixelOf(1, 10)!.Value.Y.Should().Be(area.Y(0.5));
        chart.PixelOf(2, 0).Should().BeNull();
        chart.YAxis().Labels.Should().Equal("1", "2", "5", "10", "20", "50", "100");
    }

    [Fact]
    public void Charts_save_decodable_pngs()
    {
        using var dir = new TempDirectory();
        var line = new LineChart { Title = "Training loss", XLabel = "iteration", YLabel = "loss", LogY = true };
        line.Add("total", Enumerable.Range(1, 50).Select(i => ((double)i, 5.0 / i)));
        line.Add("mask", Enumerable.Range(1, 50).Select(i => ((double)i, 1.0 / Math.Sqrt(i))));
        line.Save(Path.Combine(dir.Path, "line.png"));
        var bars = new BarChart { Title = "Ablation", YLabel = "AP" };
        bars.SeriesNames.AddRange(["segm/AP", "bbox/AP"]);
        bars.Add("RoIAlign", new BarValue(0.41, 0.02), new BarValue(0.45, 0.01)).Add("RoIPool", new BarValue(0.30, 0.03), new BarValue(0.38, 0.02));
        bars.Save(Path.Combine(dir.Path, "bars.png"));
        PngCodec.Decode(Path.Combine(dir.Path, "line.png")).Width.Should().Be(800);
        var image = PngCodec.Decode(Path.Combine(dir.Path, "bars.png"));
        image.Pixels.Should().Equal(bars.Render().ToImage().Pixels);
    }
}
