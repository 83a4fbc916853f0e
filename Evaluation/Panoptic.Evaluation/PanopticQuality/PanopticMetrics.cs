using System.Globalization;

namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>
/// PQ, SQ and RQ (each 0..1) averaged over the <see cref="N"/> categories with tp + fp + fn &gt; 0; all -1 when
/// <see cref="N"/> is 0 (panopticapi would divide by zero).
/// </summary>
public sealed record PqSummary(double Pq, double Sq, double Rq, int N);

/// <summary>
/// One category's counts and figures: PQ = IoU sum / (tp + fp/2 + fn/2), SQ = IoU sum / tp (0 without tp),
/// RQ = tp / (tp + fp/2 + fn/2); all 0 when the category never occurs.
/// </summary>
public sealed record PqCategoryResult(int CategoryId, string Name, bool IsThing, int Tp, int Fp, int Fn, double IouSum, double Pq, double Sq, double Rq);

/// <summary>The outcome of a panoptic evaluation (panopticapi's <c>pq_compute</c> results).</summary>
public sealed record PanopticMetrics(PqSummary All, PqSummary Things, PqSummary Stuff, IReadOnlyList<PqCategoryResult> PerCategory, int ImageCount)
{
    /// <summary>panopticapi's table: a header, a rule and the All / Things / Stuff rows (percent, one decimal).</summary>
    public IReadOnlyList<string> SummaryLines()
    {
        var lines = new List<string>
        {
            string.Format(CultureInfo.InvariantCulture, "{0,-10}| {1,5}  {2,5}  {3,5} {4,5}", "", "PQ", "SQ", "RQ", "N"),
            new('-', 10 + 7 * 4),
        };
        foreach (var (name, row) in new[] { ("All", All), ("Things", Things), ("Stuff", Stuff) })
        {
            lines.Add(string.Format(CultureInfo.InvariantCulture, "{0,-10}| {1,5:F1}  {2,5:F1}  {3,5:F1} {4,5}", name, 100 * row.Pq, 100 * row.Sq, 100 * row.Rq, row.N));
        }
        return lines;
    }
}
