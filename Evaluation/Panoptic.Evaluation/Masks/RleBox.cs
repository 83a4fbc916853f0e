namespace Panoptic.Evaluation.Masks;

/// <summary>Bounding box of an RLE mask with maskApi <c>rleToBbox</c> semantics.</summary>
public static class RleBox
{
    /// <summary>
    /// The box around the set pixels, as whole pixels: <c>[x0, y0, x1 - x0 + 1, y1 - y0 + 1]</c>; all zeros for an
    /// empty mask. Like pycocotools, when a single run of 1s continues from one column into the next, the box spans
    /// the full image height (the run is not split to find its rows), and a trailing run of 0s is ignored.
    /// </summary>
    public static BoxXywh FromMask(RleMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return FromCounts(mask.CountsArray, mask.Height, mask.Width);
    }

    internal static BoxXywh FromCounts(uint[] counts, int height, int width)
    {
        long h = height;
        var m = counts.Length / 2 * 2;
        if (m == 0 || h == 0)
            return default;
        long xs = width, ys = h, xe = 0, ye = 0, cc = 0, xp = 0;
        for (var j = 0; j < m; j++)
        {
            cc += counts[j];
            var t = cc - (j & 1);
            var y = t % h;
            var x = (t - y) / h;
            if ((j & 1) == 0)
                xp = x;
            else if (xp < x)
            {
                ys = 0;
                ye = h - 1;
            }
            xs = Math.Min(xs, x);
            xe = Math.Max(xe, x);
            ys = Math.Min(ys, y);
            ye = Math.Max(ye, y);
        }
        return new BoxXywh(xs, ys, xe - xs + 1, ye - ys + 1);
    }
}
