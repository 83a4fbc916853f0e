namespace Panoptic.Evaluation.Coco;

/// <summary>
/// pycocotools' <c>accumulate</c>: per category, area range and detection limit, the detections of all images sorted
/// by score (stable, images in id order), cumulative true/false positives, the precision envelope from the right,
/// and precision read at the first detection whose recall reaches each recall point (searchsorted, side left).
/// </summary>
internal static class CocoAccumulator
{
    private static readonly double Epsilon = Math.BitIncrement(1.0) - 1.0; // np.spacing(1)

    public static CocoPrecisionRecall Accumulate(CocoEvalPlan plan, CocoImageCategoryResult?[][] perCategory)
    {
        var result = new CocoPrecisionRecall(plan.IouThresholds, plan.RecallThresholds, plan.CategoryIds, plan.AreaRanges, plan.MaxDetections);
        Parallel.For(0, plan.CategoryIds.Length, plan.Options.ParallelOptions, k => AccumulateCategory(plan, k, perCategory[k], result));
        return result;
    }

    private static void AccumulateCategory(CocoEvalPlan plan, int k, CocoImageCategoryResult?[] images, CocoPrecisionRecall result)
    {
        int t = plan.IouThresholds.Length, areas = plan.AreaRanges.Length, r = plan.RecallThresholds.Length;
        var n = 0;
        var counted = new long[areas];
        foreach (var image in images)
        {
            if (image is null)
                continue;
            n += image.Scores.Length;
            for (var a = 0; a < areas; a++)
                counted[a] += image.GroundTruthCounted[a];
        }

        // Concatenate in image order, then sort by score; the tie-break on position makes the sort stable.
        var scores = new double[n];
        var ranks = new int[n];
        var owner = new int[n];
        var p = 0;
        for (var i = 0; i < images.Length; i++)
        {
            if (images[i] is not { } image)
                continue;
            for (var d = 0; d < image.Scores.Length; d++, p++)
            {
                scores[p] = image.Scores[d];
                ranks[p] = d;
                owner[p] = i;
            }
        }
        var order = new int[n];
        for (var i = 0; i < n; i++)
            order[i] = i;
        Array.Sort(order, (x, y) =>
        {
            var c = scores[y].CompareTo(scores[x]);
            return c != 0 ? c : x.CompareTo(y);
        });

        var flags = new byte[n];
        var rc = new double[n];
        var pr = new double[n];
        var sortedScores = new double[n];
        for (var a = 0; a < areas; a++)
        {
            if (counted[a] == 0)
                continue;
            for (var ti = 0; ti < t; ti++)
            {
                for (var i = 0; i < n; i++)
                {
                    var src = order[i];
                    var image = images[owner[src]]!;
                    flags[i] = image.Flags[(a * t + ti) * image.Scores.Length + ranks[src]];
                }
                for (var m = 0; m < plan.MaxDetections.Length; m++)
                {
                    var limit = plan.MaxDetections[m];
                    double tp = 0, fp = 0;
                    var nd = 0;
                    for (var i = 0; i < n; i++)
                    {
                        var src = order[i];
                        if (ranks[src] >= limit)
                            continue;
                        var f = flags[i];
                        if ((f & CocoImageCategoryResult.Ignored) == 0)
                        {
                            if ((f & CocoImageCategoryResult.Matched) != 0)
                                tp++;
                            else
                                fp++;
                        }
                        rc[nd] = tp / counted[a];
                        pr[nd] = tp / (fp + tp + Epsilon);
                        sortedScores[nd] = scores[src];
                        nd++;
                    }
                    result.RecallValues[result.RecallIndex(ti, k, a, m)] = nd > 0 ? rc[nd - 1] : 0;
                    for (var i = nd - 1; i > 0; i--)
                    {
                        if (pr[i] > pr[i - 1])
                            pr[i - 1] = pr[i];
                    }
                    // np.searchsorted(rc, recThrs, side='left'); pycocotools stops reading at the first point past the
                    // end, leaving that one and all later ones at 0.
                    var reached = true;
                    for (var ri = 0; ri < r; ri++)
                    {
                        var j = reached ? LowerBound(rc, nd, plan.RecallThresholds[ri]) : nd;
                        reached = j < nd;
                        var index = result.PrecisionIndex(ti, ri, k, a, m);
                        result.PrecisionValues[index] = reached ? pr[j] : 0;
                        result.ScoreValues[index] = reached ? sortedScores[j] : 0;
                    }
                }
            }
        }
    }

    private static int LowerBound(double[] values, int count, double value)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
