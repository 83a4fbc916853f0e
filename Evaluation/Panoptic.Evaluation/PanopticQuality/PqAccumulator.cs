namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>
/// Sums per-image statistics in the order they are added (IoUs added one by one, as panopticapi does on one core)
/// and averages them per category (panopticapi's <c>pq_average</c>, categories in the given order).
/// </summary>
internal sealed class PqAccumulator
{
    private readonly Dictionary<int, Counts> _counts = [];

    public int Images { get; private set; }

    public void Add(PanopticImageStats stats)
    {
        foreach (var (category, iou) in stats.TruePositives)
        {
            var c = Get(category);
            c.Tp++;
            c.Iou += iou;
        }
        foreach (var category in stats.FalseNegatives)
            Get(category).Fn++;
        foreach (var category in stats.FalsePositives)
            Get(category).Fp++;
        Images++;
    }

    public void Clear()
    {
        _counts.Clear();
        Images = 0;
    }

    public PanopticMetrics Result(IReadOnlyList<PanopticCategory> categories)
    {
        var perCategory = new List<PqCategoryResult>(categories.Count);
        foreach (var category in categories)
        {
            var c = _counts.GetValueOrDefault(category.Id) ?? new Counts();
            double pq = 0, sq = 0, rq = 0;
            if (c.Tp + c.Fp + c.Fn > 0)
            {
                var denominator = c.Tp + 0.5 * c.Fp + 0.5 * c.Fn;
                pq = c.Iou / denominator;
                sq = c.Tp != 0 ? c.Iou / c.Tp : 0;
                rq = c.Tp / denominator;
            }
            perCategory.Add(new PqCategoryResult(category.Id, category.Name, category.IsThing, c.Tp, c.Fp, c.Fn, c.Iou, pq, sq, rq));
        }
        return new PanopticMetrics(Average(perCategory, null), Average(perCategory, true), Average(perCategory, false), perCategory, Images);
    }

    private static PqSummary Average(List<PqCategoryResult> perCategory, bool? things)
    {
        double pq = 0, sq = 0, rq = 0;
        var n = 0;
        foreach (var c in perCategory)
        {
            if ((things is { } wanted && c.IsThing != wanted) || c.Tp + c.Fp + c.Fn == 0)
                continue;
            n++;
            pq += c.Pq;
            sq += c.Sq;
            rq += c.Rq;
        }
        return n == 0 ? new PqSummary(-1, -1, -1, 0) : new PqSummary(pq / n, sq / n, rq / n, n);
    }

    private Counts Get(int category)
    {
        if (!_counts.TryGetValue(category, out var c))
        {
            c = new Counts();
            _counts[category] = c;
        }
        return c;
    }

    private sealed class Counts
    {
        public int Tp;
        public int Fp;
        public int Fn;
        public double Iou;
    }
}
