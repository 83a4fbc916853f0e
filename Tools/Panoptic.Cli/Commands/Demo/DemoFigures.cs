using Panoptic.Core.Reporting;
using Panoptic.Core.Visualization;

namespace Panoptic.Cli.Commands.Demo;

/// <summary>The report's PNGs: the loss curve and the grid of image / ground truth / prediction.</summary>
internal static class DemoFigures
{
    private const int Margin = 8;
    private const int Title = 16;

    /// <summary>Every logged loss against the iteration, log scale.</summary>
    public static void LossCurve(string path, MetricsHistory history)
    {
        var chart = new LineChart { Title = "training losses", XLabel = "iteration", YLabel = "loss", LogY = true, Width = 900, Height = 520 };
        foreach (var name in history.LossNames())
        {
            var points = history.Series(name).Where(p => p.Y > 0).Select(p => (p.X + 1, p.Y)).ToList();
            if (points.Count > 0)
                chart.Add(name, points);
        }
        chart.Save(path);
    }

    /// <summary>One row per panel: image, ground truth, prediction, and the prediction's legend.</summary>
    public static void OverlayGrid(string path, IReadOnlyList<DemoPanel> panels)
    {
        if (panels.Count == 0)
            return;
        var cell = panels.Max(p => p.Width);
        var rowHeight = panels.Max(p => p.Height);
        var legendWidth = Math.Max(120, panels.Max(p => SegmentLegend.Width(p.PredictionSegments)));
        var width = Margin + 3 * (cell + Margin) + legendWidth + Margin;
        var height = Title + Margin + panels.Count * (rowHeight + Margin);
        var canvas = new Canvas(width, height, Rgb.White);
        string[] headers = ["image", "ground truth", "prediction"];
        for (var c = 0; c < headers.Length; c++)
            canvas.DrawTextCentered(Margin + c * (cell + Margin) + cell / 2, 4, headers[c], Rgb.Black);
        for (var r = 0; r < panels.Count; r++)
        {
            var p = panels[r];
            var top = Title + Margin + r * (rowHeight + Margin);
            SegmentLegend.Blit(canvas, Margin, top, p.Image, p.Height, p.Width);
            SegmentLegend.Blit(canvas, Margin + cell + Margin, top, p.GroundTruth, p.Height, p.Width);
            SegmentLegend.Blit(canvas, Margin + 2 * (cell + Margin), top, p.Prediction, p.Height, p.Width);
            canvas.DrawText(Margin + 2, top + 2, p.FileName, Rgb.White);
            SegmentLegend.Draw(canvas, Margin + 3 * (cell + Margin), top, p.PredictionSegments, Math.Max(1, rowHeight / SegmentLegend.RowHeight));
        }
        canvas.SavePng(path);
    }
}
