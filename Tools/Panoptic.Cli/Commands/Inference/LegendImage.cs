using Panoptic.Core.Reporting;
using Panoptic.Core.Visualization;

namespace Panoptic.Cli.Commands.Inference;

/// <summary>Writes a painted image with the legend of its segments to its right.</summary>
internal static class LegendImage
{
    private const int Margin = 8;

    public static void Write(string path, byte[] rgb, int height, int width, IReadOnlyList<PaintedSegment> segments)
    {
        var legendWidth = Math.Max(120, SegmentLegend.Width(segments));
        var rows = Math.Max(1, (height - 2 * Margin) / SegmentLegend.RowHeight);
        var columns = Math.Max(1, Math.Min(4, (segments.Count + rows - 1) / rows));
        var canvas = new Canvas(width + Margin + columns * (legendWidth + Margin), Math.Max(height, 2 * Margin + SegmentLegend.RowHeight), Rgb.White);
        SegmentLegend.Blit(canvas, 0, 0, rgb, height, width);
        for (var c = 0; c < columns; c++)
        {
            var part = segments.Skip(c * rows).Take(c == columns - 1 ? int.MaxValue : rows).ToList();
            SegmentLegend.Draw(canvas, width + Margin + c * (legendWidth + Margin), Margin, part, rows);
        }
        canvas.SavePng(path);
    }
}
