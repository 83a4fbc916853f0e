using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Coco;

/// <summary>
/// What one image contributes to one category (pycocotools' <c>evaluateImg</c> for every area range at once): the
/// kept detections' scores, highest first, and for each area range and IoU threshold whether each was matched and
/// whether it is ignored.
/// </summary>
internal sealed class CocoImageCategoryResult(int category, double[] scores, byte[] flags, int[] groundTruthCounted)
{
    public const byte Matched = 1;
    public const byte Ignored = 2;

    public int Category { get; } = category;

    /// <summary>Scores of the kept detections (at most the largest max-detections), highest first, ties in input order.</summary>
    public double[] Scores { get; } = scores;

    /// <summary><see cref="Matched"/> / <see cref="Ignored"/> bits at <c>[(area * T + threshold) * D + detection]</c>.</summary>
    public byte[] Flags { get; } = flags;

    /// <summary>Ground truth that is not ignored, per area range.</summary>
    public int[] GroundTruthCounted { get; } = groundTruthCounted;
}

/// <summary>Per-image evaluation: IoUs and greedy matching, exactly as pycocotools' <c>computeIoU</c> + <c>evaluateImg</c>.</summary>
internal static class CocoImageEvaluation
{
    private const double MaxIouThreshold = 1 - 1e-10;

    public static CocoImageCategoryResult[] Evaluate(
        CocoImage image,
        (int Category, int Annotation)[] groundTruth,
        List<IndexedDetection>? detections,
        CocoGroundTruthIndex index,
        CocoEvalPlan plan,
        CocoResultFormat format)
    {
        var groups = new SortedDictionary<int, (List<int> Gt, List<IndexedDetection> Dt)>();
        foreach (var (category, annotation) in groundTruth)
            Group(groups, category).Gt.Add(annotation);
        if (detections is not null)
        {
            foreach (var d in detections)
            {
                if (plan.CategoryIndex.TryGetValue(d.Detection.CategoryId, out var category))
                    Group(groups, category).Dt.Add(d);
            }
        }
        var results = new CocoImageCategoryResult[groups.Count];
        var i = 0;
        foreach (var (category, (gt, dt)) in groups)
            results[i++] = EvaluateCategory(category, image, gt, dt, index, plan, format);
        return results;
    }

    private static (List<int> Gt, List<IndexedDetection> Dt) Group(SortedDictionary<int, (List<int> Gt, List<IndexedDetection> Dt)> groups, int category)
    {
        if (!groups.TryGetValue(category, out var group))
        {
            group = ([], []);
            groups[category] = group;
        }
        return group;
    }

    private static CocoImageCategoryResult EvaluateCategory(
        int category, CocoImage image, List<int> gtIndices, List<IndexedDetection> dtItems, CocoGroundTruthIndex index, CocoEvalPlan plan, CocoResultFormat format)
    {
        var order = ScoreOrder(dtItems);
        var d = Math.Min(order.Length, plan.MaxDetectionsLargest);
        var dts = new PreparedDetection[d];
        for (var j = 0; j < d; j++)
            dts[j] = CocoResultPreparation.Prepare(dtItems[order[j]], format, plan.IouType, image);

        var g = gtIndices.Count;
        var gts = new CocoAnnotation[g];
        for (var j = 0; j < g; j++)
            gts[j] = index.Dataset.Annotations[gtIndices[j]];
        var ious = ComputeIous(dts, gts, gtIndices, index, plan.IouType);

        var t = plan.IouThresholds.Length;
        var areas = plan.AreaRanges;
        var flags = new byte[areas.Length * t * d];
        var counted = new int[areas.Length];
        var gtIgnore = new bool[g];
        var gtOrder = new int[g];
        var gtMatched = new bool[g];
        for (var a = 0; a < areas.Length; a++)
        {
            counted[a] = OrderGroundTruth(gts, areas[a], plan.Options.HonorIgnoreFlag, gtIgnore, gtOrder);
            for (var ti = 0; ti < t; ti++)
            {
                var rowFlags = flags.AsSpan((a * t + ti) * d, d);
                Match(ious, dts, gts, gtIgnore, gtOrder, gtMatched, Math.Min(plan.IouThresholds[ti], MaxIouThreshold), areas[a], rowFlags);
            }
        }
        var scores = new double[d];
        for (var j = 0; j < d; j++)
            scores[j] = dts[j].Score;
        return new CocoImageCategoryResult(category, scores, flags, counted);
    }

    /// <summary>Indices of the detections by descending score, ties in input order (NumPy's stable mergesort).</summary>
    private static int[] ScoreOrder(List<IndexedDetection> items)
    {
        var order = new int[items.Count];
        for (var j = 0; j < order.Length; j++)
            order[j] = j;
        Array.Sort(order, (x, y) =>
        {
            var c = items[y].Detection.Score.CompareTo(items[x].Detection.Score);
            return c != 0 ? c : x.CompareTo(y);
        });
        return order;
    }

    private static double[] ComputeIous(PreparedDetection[] dts, CocoAnnotation[] gts, List<int> gtIndices, CocoGroundTruthIndex index, CocoIouType iouType)
    {
        var g = gts.Length;
        var ious = new double[dts.Length * g];
        if (dts.Length == 0 || g == 0)
            return ious;
        if (iouType == CocoIouType.Segm)
        {
            var masks = new RleGeometry[g];
            for (var j = 0; j < g; j++)
                masks[j] = index.Mask(gtIndices[j]);
            for (var i = 0; i < dts.Length; i++)
            {
                for (var j = 0; j < g; j++)
                    ious[i * g + j] = RleIou.Compute(dts[i].Mask, masks[j], gts[j].IsCrowd);
            }
            return ious;
        }
        for (var j = 0; j < g; j++)
        {
            if (gts[j].Box is null)
                throw new CocoDataException($"{index.Dataset.Source}: annotation {gts[j].Id} has no 'bbox', needed for bbox evaluation");
        }
        for (var i = 0; i < dts.Length; i++)
        {
            for (var j = 0; j < g; j++)
                ious[i * g + j] = BoxIou.Compute(dts[i].Box, gts[j].Box!.Value, gts[j].IsCrowd);
        }
        return ious;
    }

    /// <summary>Marks ground truth ignored for an area range and orders it ignored-last (stable); returns how many count.</summary>
    private static int OrderGroundTruth(CocoAnnotation[] gts, CocoAreaRange range, bool honorIgnoreFlag, bool[] ignore, int[] order)
    {
        var counted = 0;
        for (var j = 0; j < gts.Length; j++)
        {
            ignore[j] = gts[j].IsCrowd || (honorIgnoreFlag && gts[j].Ignore) || range.Excludes(gts[j].Area);
            if (!ignore[j])
                order[counted++] = j;
        }
        var next = counted;
        for (var j = 0; j < gts.Length; j++)
        {
            if (ignore[j])
                order[next++] = j;
        }
        return counted;
    }

    /// <summary>Greedy matching at one threshold: detections by score take the best still-free ground truth.</summary>
    private static void Match(
        double[] ious, PreparedDetection[] dts, CocoAnnotation[] gts, bool[] gtIgnore, int[] gtOrder, bool[] gtMatched, double threshold, CocoAreaRange range, Span<byte> flags)
    {
        var g = gts.Length;
        Array.Clear(gtMatched);
        for (var i = 0; i < dts.Length; i++)
        {
            var best = threshold;
            var m = -1;
            for (var k = 0; k < g; k++)
            {
                var j = gtOrder[k];
                if (gtMatched[k] && !gts[j].IsCrowd)
                    continue;
                if (m > -1 && !gtIgnore[gtOrder[m]] && gtIgnore[j])
                    break;
                var iou = ious[i * g + j];
                if (iou < best)
                    continue;
                best = iou;
                m = k;
            }
            if (m == -1)
            {
                flags[i] = range.Excludes(dts[i].Area) ? CocoImageCategoryResult.Ignored : (byte)0;
                continue;
            }
            gtMatched[m] = true;
            flags[i] = gtIgnore[gtOrder[m]] ? (byte)(CocoImageCategoryResult.Matched | CocoImageCategoryResult.Ignored) : CocoImageCategoryResult.Matched;
        }
    }
}
