namespace Panoptic.Evaluation.Masks;

/// <summary>
/// Mask intersection over union with COCO's crowd rule (maskApi <c>rleIou</c> semantics, in double): for a crowd
/// ground truth the denominator is the detection's own area. Masks whose <see cref="RleBox"/> boxes do not overlap
/// give 0 without looking at the runs; overlapping masks of different sizes give -1, as in pycocotools.
/// </summary>
public static class RleIou
{
    /// <summary>IoU of one detection mask with one ground-truth mask.</summary>
    public static double Compute(RleMask detection, RleMask groundTruth, bool groundTruthIsCrowd)
    {
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(groundTruth);
        return Compute(new RleGeometry(detection), new RleGeometry(groundTruth), groundTruthIsCrowd);
    }

    /// <summary>IoU matrix between detections and ground truths, detection-major: entry <c>[d * gt.Count + g]</c>.</summary>
    public static double[] Matrix(IReadOnlyList<RleMask> detections, IReadOnlyList<RleMask> groundTruths, IReadOnlyList<bool> groundTruthIsCrowd)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(groundTruths);
        ArgumentNullException.ThrowIfNull(groundTruthIsCrowd);
        var gts = new RleGeometry[groundTruths.Count];
        for (var g = 0; g < gts.Length; g++)
            gts[g] = new RleGeometry(groundTruths[g]);
        var result = new double[detections.Count * gts.Length];
        for (var d = 0; d < detections.Count; d++)
        {
            var dt = new RleGeometry(detections[d]);
            for (var g = 0; g < gts.Length; g++)
                result[d * gts.Length + g] = Compute(dt, gts[g], groundTruthIsCrowd[g]);
        }
        return result;
    }

    internal static double Compute(in RleGeometry dt, in RleGeometry gt, bool crowd)
    {
        if (BoxIou.Compute(dt.Box, gt.Box, crowd) <= 0)
            return 0;
        if (dt.Height != gt.Height || dt.Width != gt.Width)
            return -1;
        var intersection = IntersectionArea(dt.Counts, gt.Counts);
        if (intersection == 0)
            return 0;
        var union = crowd ? dt.Area : dt.Area + gt.Area - intersection;
        return (double)intersection / union;
    }

    /// <summary>Number of pixels set in both masks (same size assumed).</summary>
    internal static long IntersectionArea(uint[] a, uint[] b)
    {
        if (a.Length < 2 || b.Length < 2)
            return 0;
        long startA = a[0], endA = startA + a[1], startB = b[0], endB = startB + b[1];
        int ka = 1, kb = 1;
        long intersection = 0;
        while (true)
        {
            var lo = Math.Max(startA, startB);
            var hi = Math.Min(endA, endB);
            if (hi > lo)
                intersection += hi - lo;
            if (endA <= endB)
            {
                if (ka + 2 >= a.Length)
                    break;
                startA = endA + a[ka + 1];
                endA = startA + a[ka + 2];
                ka += 2;
            }
            else
            {
                if (kb + 2 >= b.Length)
                    break;
                startB = endB + b[kb + 1];
                endB = startB + b[kb + 2];
                kb += 2;
            }
        }
        return intersection;
    }
}

/// <summary>A mask with its box and area computed once, for repeated IoU computations.</summary>
internal readonly struct RleGeometry
{
    public RleGeometry(RleMask mask)
    {
        Counts = mask.CountsArray;
        Height = mask.Height;
        Width = mask.Width;
        Box = RleBox.FromCounts(Counts, Height, Width);
        Area = mask.Area;
    }

    public uint[] Counts { get; }

    public int Height { get; }

    public int Width { get; }

    public BoxXywh Box { get; }

    public long Area { get; }
}
