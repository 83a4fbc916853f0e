namespace Panoptic.Plugins.PanopticFPN.Fusion;

/// <summary>
/// The two painting steps of the fusion rules on row-major H×W maps: <c>ids</c> (int32 segment ids, 0 = unclaimed)
/// and <c>taken</c> (1 where <c>ids</c> ≠ 0, kept beside it so overlaps count over bytes).
/// </summary>
internal static class SegmentPainter
{
    /// <summary>An instance that became a segment.</summary>
    public readonly record struct PaintedInstance(int Instance, int Id, long Area);

    /// <summary>A stuff label that became a segment.</summary>
    public readonly record struct PaintedStuff(int Label, int Id, long Area);

    /// <summary>
    /// detectron2's instance loop: instances in <paramref name="order"/>, stopping at the first whose score is below
    /// the threshold (or NaN); an empty mask is skipped; an instance with |m ∧ taken| / |m| &gt; overlap threshold is
    /// skipped; otherwise m ∧ ¬taken gets the next id. With a <paramref name="region"/>, every mask is first
    /// restricted to it (m ← m ∧ region). An instance left with no pixel to paint is skipped (only possible at
    /// overlap threshold 1, where detectron2 would list an empty segment).
    /// </summary>
    /// <param name="masks">(R, H, W) 0/1 bytes.</param>
    /// <param name="scores">(R,) scores.</param>
    /// <param name="order">Instance indices by descending score.</param>
    /// <param name="region">H×W 0/1 bytes instances may take, or empty for everywhere.</param>
    /// <param name="thresholds">Score and overlap thresholds.</param>
    /// <param name="ids">H×W ids, painted in place.</param>
    /// <param name="taken">H×W 0/1 bytes, kept equal to ids ≠ 0.</param>
    /// <param name="nextId">First id to give.</param>
    public static List<PaintedInstance> PaintInstances(ReadOnlySpan<byte> masks, ReadOnlySpan<double> scores, ReadOnlySpan<int> order,
        ReadOnlySpan<byte> region, FusionThresholds thresholds, Span<int> ids, Span<byte> taken, int nextId)
    {
        var pixels = ids.Length;
        var painted = new List<PaintedInstance>();
        foreach (var instance in order)
        {
            if (!(scores[instance] >= thresholds.InstanceScoreThreshold))
                break;
            var mask = masks.Slice(instance * pixels, pixels);
            var first = mask.IndexOfAnyExcept((byte)0);
            if (first < 0)
                continue;
            var length = mask.LastIndexOfAnyExcept((byte)0) - first + 1;
            var m = mask.Slice(first, length);
            var t = taken.Slice(first, length);
            var r = region.IsEmpty ? m : region.Slice(first, length);
            var (area, overlap) = MaskCounting.Count(m, r, t);
            if (area == 0 || (double)overlap / area > thresholds.OverlapThreshold || overlap == area)
                continue;
            var id = nextId++;
            var count = Paint(m, r, ids.Slice(first, length), t, id);
            painted.Add(new PaintedInstance(instance, id, count));
        }
        return painted;
    }

    /// <summary>
    /// detectron2's stuff loop: for each label of <paramref name="labels"/> other than <paramref name="thingsLabel"/>,
    /// in ascending order, its unclaimed pixels get the next id when there are at least
    /// <paramref name="areaLimit"/> of them (and at least one).
    /// </summary>
    /// <param name="labels">H×W semantic labels (≥ 0).</param>
    /// <param name="thingsLabel">The label that never becomes stuff (0, "things").</param>
    /// <param name="areaLimit">Smallest area kept.</param>
    /// <param name="ids">H×W ids, painted in place.</param>
    /// <param name="nextId">First id to give.</param>
    /// <exception cref="ArgumentException">A negative label.</exception>
    public static List<PaintedStuff> PaintStuff(ReadOnlySpan<long> labels, long thingsLabel, long areaLimit, Span<int> ids, int nextId)
    {
        var maxLabel = MaxLabel(labels);
        var unclaimed = new long[maxLabel + 1];
        for (var p = 0; p < labels.Length; p++)
        {
            if (ids[p] == 0)
                unclaimed[labels[p]]++;
        }
        var idOfLabel = new int[maxLabel + 1];
        var painted = new List<PaintedStuff>();
        for (var label = 0; label <= maxLabel; label++)
        {
            if (label == thingsLabel || unclaimed[label] == 0 || unclaimed[label] < areaLimit)
                continue;
            idOfLabel[label] = nextId;
            painted.Add(new PaintedStuff(label, nextId++, unclaimed[label]));
        }
        if (painted.Count == 0)
            return painted;
        for (var p = 0; p < labels.Length; p++)
        {
            if (ids[p] == 0)
                ids[p] = idOfLabel[labels[p]];
        }
        return painted;
    }

    /// <summary>Gives <paramref name="id"/> to the pixels of mask ∧ region ∧ ¬taken; returns their count.</summary>
    private static long Paint(ReadOnlySpan<byte> mask, ReadOnlySpan<byte> region, Span<int> ids, Span<byte> taken, int id)
    {
        long count = 0;
        for (var p = 0; p < mask.Length; p++)
        {
            if ((mask[p] & region[p] & (taken[p] ^ 1)) != 0)
            {
                ids[p] = id;
                taken[p] = 1;
                count++;
            }
        }
        return count;
    }

    private static int MaxLabel(ReadOnlySpan<long> labels)
    {
        const long Largest = 1 << 20;
        long max = 0;
        foreach (var label in labels)
        {
            if (label < 0 || label > Largest)
                throw new ArgumentException($"semantic label {label} is outside 0..{Largest}; pass the arg-max class of the semantic logits", nameof(labels));
            max = Math.Max(max, label);
        }
        return (int)max;
    }
}
