namespace Panoptic.Evaluation.Masks;

/// <summary>Union and intersection of RLE masks (maskApi <c>rleMerge</c> semantics).</summary>
public static class RleMerge
{
    /// <summary>
    /// Merges masks of one size: the union, or with <paramref name="intersect"/> the intersection. A single mask is
    /// returned unchanged; otherwise the result is in canonical form (no empty runs except a leading zero count).
    /// </summary>
    /// <exception cref="ArgumentException">No masks, or masks of different sizes.</exception>
    public static RleMask Merge(IReadOnlyList<RleMask> masks, bool intersect = false)
    {
        ArgumentNullException.ThrowIfNull(masks);
        if (masks.Count == 0)
            throw new ArgumentException("cannot merge an empty list of masks", nameof(masks));
        var first = masks[0];
        if (masks.Count == 1)
            return first;
        var counts = first.CountsArray;
        for (var i = 1; i < masks.Count; i++)
        {
            var next = masks[i];
            if (next.Height != first.Height || next.Width != first.Width)
                throw new ArgumentException($"cannot merge masks of different sizes: {first.Height}x{first.Width} and {next.Height}x{next.Width}", nameof(masks));
            counts = MergeTwo(counts, next.CountsArray, intersect);
        }
        return new RleMask(first.Height, first.Width, counts, validate: false);
    }

    /// <summary>Union of two masks of one size.</summary>
    public static RleMask Union(RleMask a, RleMask b) => Merge([a, b]);

    /// <summary>Intersection of two masks of one size.</summary>
    public static RleMask Intersection(RleMask a, RleMask b) => Merge([a, b], intersect: true);

    private static uint[] MergeTwo(uint[] a, uint[] b, bool intersect)
    {
        var output = new List<uint>(Math.Max(a.Length, b.Length) + 2);
        int ia = 0, ib = 0;
        long remainingA = a.Length > 0 ? a[0] : 0, remainingB = b.Length > 0 ? b[0] : 0;
        bool va = false, vb = false, current = false;
        long run = 0;
        while (true)
        {
            while (remainingA == 0 && ia + 1 < a.Length)
            {
                remainingA = a[++ia];
                va = !va;
            }
            while (remainingB == 0 && ib + 1 < b.Length)
            {
                remainingB = b[++ib];
                vb = !vb;
            }
            if (remainingA == 0 && remainingB == 0)
                break;
            var step = remainingA == 0 ? remainingB : remainingB == 0 ? remainingA : Math.Min(remainingA, remainingB);
            var value = intersect ? va && vb : va || vb;
            if (value != current)
            {
                output.Add((uint)run);
                run = 0;
                current = value;
            }
            run += step;
            remainingA = Math.Max(0, remainingA - step);
            remainingB = Math.Max(0, remainingB - step);
        }
        output.Add((uint)run);
        return [.. output];
    }
}
