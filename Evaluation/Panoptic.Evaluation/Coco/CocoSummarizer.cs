using System.Globalization;
using Panoptic.Evaluation.Numerics;

namespace Panoptic.Evaluation.Coco;

/// <summary>pycocotools' <c>summarize</c>: means over the accumulated arrays, skipping -1 entries.</summary>
internal static class CocoSummarizer
{
    private static readonly (bool Ap, double? Iou, string Area, int MaxDetIndex)[] Rows =
    [
        (true, null, "all", -1), (true, .5, "all", 2), (true, .75, "all", 2),
        (true, null, "small", 2), (true, null, "medium", 2), (true, null, "large", 2),
        (false, null, "all", 0), (false, null, "all", 1), (false, null, "all", 2),
        (false, null, "small", 2), (false, null, "medium", 2), (false, null, "large", 2),
    ];

    public static CocoSummaryStats Summarize(CocoPrecisionRecall curves)
    {
        var v = new double[Rows.Length];
        for (var i = 0; i < v.Length; i++)
            v[i] = Statistic(curves, Rows[i].Ap, Rows[i].Iou, Rows[i].Area, MaxDetections(curves, Rows[i].MaxDetIndex));
        return new CocoSummaryStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    /// <summary>Mean precision of one category over IoU thresholds and recall points (area "all", largest limit); -1 without ground truth.</summary>
    public static double CategoryAp(CocoPrecisionRecall curves, int k)
    {
        var a = IndexOf(curves.AreaRanges, "all");
        var m = curves.MaxDetections.Count - 1;
        var values = new List<double>();
        for (var t = 0; t < curves.IouThresholds.Count; t++)
            for (var r = 0; r < curves.RecallThresholds.Count; r++)
                AddValid(values, curves.Precision(t, r, k, a < 0 ? 0 : a, m));
        return values.Count == 0 ? -1 : NumpyMath.Mean(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
    }

    public static IReadOnlyList<string> FormatLines(CocoSummaryStats stats, CocoPrecisionRecall curves)
    {
        var values = stats.ToArray();
        var lines = new string[Rows.Length];
        var thresholds = curves.IouThresholds;
        for (var i = 0; i < Rows.Length; i++)
        {
            var (ap, iou, area, maxDetIndex) = Rows[i];
            var title = ap ? "Average Precision" : "Average Recall";
            var type = ap ? "(AP)" : "(AR)";
            var iouText = iou is { } x ? F(x, 2) : $"{F(thresholds[0], 2)}:{F(thresholds[^1], 2)}";
            lines[i] = $" {title,-18} {type} @[ IoU={iouText,-9} | area={area,6} | maxDets={MaxDetections(curves, maxDetIndex),3} ] = {F(values[i], 3)}";
        }
        return lines;
    }

    private static int MaxDetections(CocoPrecisionRecall curves, int index) =>
        index < 0 ? 100 : index < curves.MaxDetections.Count ? curves.MaxDetections[index] : -1;

    private static double Statistic(CocoPrecisionRecall curves, bool ap, double? iouThreshold, string area, int maxDetections)
    {
        var a = IndexOf(curves.AreaRanges, area);
        var m = curves.MaxDetections.ToList().IndexOf(maxDetections);
        if (a < 0 || m < 0)
            return -1;
        var values = new List<double>();
        for (var t = 0; t < curves.IouThresholds.Count; t++)
        {
            if (iouThreshold is { } wanted && curves.IouThresholds[t] != wanted)
                continue;
            for (var k = 0; k < curves.CategoryIds.Count; k++)
            {
                if (!ap)
                    AddValid(values, curves.Recall(t, k, a, m));
            }
            if (!ap)
                continue;
            for (var r = 0; r < curves.RecallThresholds.Count; r++)
                for (var k = 0; k < curves.CategoryIds.Count; k++)
                    AddValid(values, curves.Precision(t, r, k, a, m));
        }
        return values.Count == 0 ? -1 : NumpyMath.Mean(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
    }

    private static void AddValid(List<double> values, double value)
    {
        if (value > -1)
            values.Add(value);
    }

    private static int IndexOf(IReadOnlyList<CocoAreaRange> ranges, string label)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            if (ranges[i].Label == label)
                return i;
        }
        return -1;
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
