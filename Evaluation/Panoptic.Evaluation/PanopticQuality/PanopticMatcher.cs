namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>
/// Per-image PQ matching with panopticapi's <c>pq_compute_single_core</c> semantics: a ground-truth and a predicted
/// segment of one category match when IoU &gt; 0.5, where the union leaves out predicted pixels on VOID; crowd ground
/// truth never matches and is never missed; an unmatched prediction is not a false positive when more than half of
/// it lies on VOID plus the (last listed) crowd region of its category. Ground-truth areas come from the JSON
/// (recounted when absent); prediction areas are counted in the map.
/// </summary>
public static class PanopticMatcher
{
    private const int Void = 0;

    /// <summary>Matches one image.</summary>
    /// <exception cref="PanopticDataException">Inconsistent maps and segment lists, with panopticapi's messages.</exception>
    public static PanopticImageStats Match(PanopticImage groundTruth, PanopticImage prediction, IReadOnlyDictionary<int, PanopticCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(prediction);
        return Match(groundTruth.ImageId, groundTruth.Ids, groundTruth.Width, groundTruth.Height, groundTruth.Segments, groundTruth.Source,
            prediction.Ids, prediction.Width, prediction.Height, prediction.Segments, prediction.Source, categories);
    }

    internal static PanopticImageStats Match(
        string imageId,
        ReadOnlySpan<int> gtIds, int gtWidth, int gtHeight, IReadOnlyList<PanopticSegment> gtSegments, string gtSource,
        ReadOnlySpan<int> predIds, int predWidth, int predHeight, IReadOnlyList<PanopticSegment> predSegments, string predSource,
        IReadOnlyDictionary<int, PanopticCategory> categories)
    {
        if (gtWidth != predWidth || gtHeight != predHeight)
            throw new PanopticDataException($"In the image with ID {imageId} the prediction {predSource} is {predWidth}x{predHeight} but the ground truth {gtSource} is {gtWidth}x{gtHeight}.");
        var n = gtWidth * gtHeight;
        if (gtIds.Length < n || predIds.Length < n)
            throw new ArgumentException("id maps are smaller than width × height");
        var gtIndex = IndexSegments(gtSegments, imageId, gtSource);
        var predIndex = IndexSegments(predSegments, imageId, predSource);
        int g = gtSegments.Count, p = predSegments.Count;
        int voidRow = g, unknownRow = g + 1, voidColumn = p, columns = p + 1;
        var counts = new long[(g + 2) * columns];
        var unknownPredictions = new SortedSet<int>();

        int lastGt = int.MinValue, lastPred = int.MinValue, row = 0, column = 0;
        for (var i = 0; i < n;)
        {
            var gid = gtIds[i];
            var pid = predIds[i];
            var run = RunLength(gtIds, predIds, i, n);
            if (gid != lastGt)
            {
                lastGt = gid;
                row = gtIndex.TryGetValue(gid, out var r) ? r : gid == Void ? voidRow : unknownRow;
            }
            if (pid != lastPred)
            {
                lastPred = pid;
                if (predIndex.TryGetValue(pid, out var c))
                {
                    column = c;
                }
                else
                {
                    column = voidColumn;
                    if (pid != Void)
                        unknownPredictions.Add(pid);
                }
            }
            counts[row * columns + column] += run;
            i += run;
        }

        var predArea = new long[p];
        for (var r = 0; r < g + 2; r++)
            for (var c = 0; c < p; c++)
                predArea[c] += counts[r * columns + c];
        CheckPredictions(imageId, predSource, predSegments, predArea, unknownPredictions, categories);

        var gtArea = new long[g];
        for (var r = 0; r < g; r++)
        {
            if (gtSegments[r].Area is { } area)
            {
                gtArea[r] = area;
                continue;
            }
            for (var c = 0; c < columns; c++)
                gtArea[r] += counts[r * columns + c];
        }
        return Score(imageId, gtSegments, predSegments, counts, columns, voidRow, gtArea, predArea);
    }

    private static PanopticImageStats Score(
        string imageId, IReadOnlyList<PanopticSegment> gtSegments, IReadOnlyList<PanopticSegment> predSegments,
        long[] counts, int columns, int voidRow, long[] gtArea, long[] predArea)
    {
        int g = gtSegments.Count, p = predSegments.Count;
        var stats = new PanopticImageStats();
        var gtMatched = new bool[g];
        var predMatched = new bool[p];
        var predOrder = OrderById(predSegments);
        foreach (var r in OrderById(gtSegments))
        {
            var gt = gtSegments[r];
            if (gt.IsCrowd)
                continue;
            foreach (var c in predOrder)
            {
                var intersection = counts[r * columns + c];
                if (intersection == 0 || gt.CategoryId != predSegments[c].CategoryId)
                    continue;
                var union = predArea[c] + gtArea[r] - intersection - counts[voidRow * columns + c];
                if (union <= 0)
                    throw new PanopticDataException($"In the image with ID {imageId} ground-truth segment {gt.Id} has an area of {gtArea[r]} in the JSON, smaller than its overlap with prediction {predSegments[c].Id}.");
                var iou = (double)intersection / union;
                if (iou > 0.5)
                {
                    stats.TruePositives.Add((gt.CategoryId, iou));
                    gtMatched[r] = true;
                    predMatched[c] = true;
                }
            }
        }

        var crowdByCategory = new Dictionary<int, int>();
        for (var r = 0; r < g; r++)
        {
            if (gtMatched[r])
                continue;
            if (gtSegments[r].IsCrowd)
                crowdByCategory[gtSegments[r].CategoryId] = r;
            else
                stats.FalseNegatives.Add(gtSegments[r].CategoryId);
        }

        for (var c = 0; c < p; c++)
        {
            if (predMatched[c])
                continue;
            var pred = predSegments[c];
            var ignored = counts[voidRow * columns + c];
            if (crowdByCategory.TryGetValue(pred.CategoryId, out var crowd))
                ignored += counts[crowd * columns + c];
            if ((double)ignored / predArea[c] > 0.5)
                continue;
            stats.FalsePositives.Add(pred.CategoryId);
        }
        return stats;
    }

    private static void CheckPredictions(
        string imageId, string source, IReadOnlyList<PanopticSegment> segments, long[] area, SortedSet<int> unknown,
        IReadOnlyDictionary<int, PanopticCategory> categories)
    {
        // panopticapi walks the PNG's labels in ascending order and stops at the first one missing from the JSON or
        // with an unknown category; then it lists the JSON segments absent from the PNG.
        int? firstBadCategory = null;
        for (var c = 0; c < segments.Count; c++)
        {
            if (area[c] > 0 && !categories.ContainsKey(segments[c].CategoryId) && (firstBadCategory is null || segments[c].Id < segments[firstBadCategory.Value].Id))
                firstBadCategory = c;
        }
        var firstUnknown = unknown.Count > 0 ? unknown.Min : (int?)null;
        if (firstUnknown is { } label && (firstBadCategory is null || label < segments[firstBadCategory.Value].Id))
            throw new PanopticDataException($"In the image with ID {imageId} segment with ID {label} is presented in PNG and not presented in JSON. ({source})");
        if (firstBadCategory is { } bad)
            throw new PanopticDataException($"In the image with ID {imageId} segment with ID {segments[bad].Id} has unknown category_id {segments[bad].CategoryId}. ({source})");
        var missing = new List<int>();
        for (var c = 0; c < segments.Count; c++)
        {
            if (area[c] == 0)
                missing.Add(segments[c].Id);
        }
        if (missing.Count > 0)
            throw new PanopticDataException($"In the image with ID {imageId} the following segment IDs [{string.Join(", ", missing)}] are presented in JSON and not presented in PNG. ({source})");
    }

    /// <summary>How many pixels from <paramref name="start"/> on keep both ids of pixel <paramref name="start"/>.</summary>
    private static unsafe int RunLength(ReadOnlySpan<int> gtIds, ReadOnlySpan<int> predIds, int start, int n)
    {
        fixed (int* g = gtIds)
        fixed (int* p = predIds)
        {
            int gid = g[start], pid = p[start], j = start + 1;
            while (j < n && g[j] == gid && p[j] == pid)
                j++;
            return j - start;
        }
    }

    private static Dictionary<int, int> IndexSegments(IReadOnlyList<PanopticSegment> segments, string imageId, string source)
    {
        var index = new Dictionary<int, int>(segments.Count);
        for (var i = 0; i < segments.Count; i++)
        {
            var id = segments[i].Id;
            if (id == Void)
                throw new PanopticDataException($"In the image with ID {imageId} a segment has ID 0, which is reserved for VOID. ({source})");
            if (!index.TryAdd(id, i))
                throw new PanopticDataException($"In the image with ID {imageId} segment ID {id} is listed twice in JSON. ({source})");
        }
        return index;
    }

    private static int[] OrderById(IReadOnlyList<PanopticSegment> segments)
    {
        var order = new int[segments.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (a, b) => segments[a].Id.CompareTo(segments[b].Id));
        return order;
    }
}
