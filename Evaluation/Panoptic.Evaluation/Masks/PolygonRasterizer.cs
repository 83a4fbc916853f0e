namespace Panoptic.Evaluation.Masks;

/// <summary>
/// Polygon to RLE rasterisation giving exactly pycocotools' pixels (maskApi <c>rleFrPoly</c> semantics).
/// </summary>
/// <remarks>
/// Coordinates are in pixels with <c>(0, 0)</c> the top-left corner of the first pixel. The outline is drawn on a
/// grid five times finer (vertices rounded to the nearest fifth of a pixel), then for each pixel column whose centre
/// line the outline crosses, the crossing rows start or end a run; a pixel is set when its centre lies inside the
/// polygon, up to that rounding. Self-intersecting outlines toggle (even-odd). Vertices far outside the image are
/// fine: only crossings inside it are kept.
/// </remarks>
public static class PolygonRasterizer
{
    private const double Scale = 5;

    /// <summary>Rasterises one polygon given as <c>[x1, y1, x2, y2, ...]</c> (an odd trailing number is ignored).</summary>
    /// <exception cref="ArgumentException">A coordinate is not finite or is too large to rasterise.</exception>
    public static RleMask Rasterize(ReadOnlySpan<double> xy, int height, int width)
    {
        RleMask.CheckSize(height, width);
        var k = xy.Length / 2;
        if (k == 0)
            return RleMask.Empty(height, width);
        var (u, v) = TraceOutline(xy, k);
        var boundary = ColumnCrossings(u, v, height, width);
        return new RleMask(height, width, ToCounts(boundary, height, width), validate: false);
    }

    /// <summary>Rasterises a box as pycocotools' <c>frBbox</c> does (the polygon of its four corners).</summary>
    public static RleMask Rasterize(BoxXywh box, int height, int width)
    {
        double xs = box.X, xe = xs + box.Width, ys = box.Y, ye = ys + box.Height;
        return Rasterize([xs, ys, xs, ye, xe, ye, xe, ys], height, width);
    }

    /// <summary>
    /// Points of the outline on the 5× grid: every edge is walked one step at a time along its longer axis, the other
    /// coordinate rounded; each edge emits both of its end points.
    /// </summary>
    private static (int[] U, int[] V) TraceOutline(ReadOnlySpan<double> xy, int k)
    {
        var x = new int[k + 1];
        var y = new int[k + 1];
        for (var j = 0; j < k; j++)
        {
            x[j] = ToGrid(xy[2 * j]);
            y[j] = ToGrid(xy[2 * j + 1]);
        }
        x[k] = x[0];
        y[k] = y[0];

        long total = 0;
        for (var j = 0; j < k; j++)
            total += Math.Max(Math.Abs((long)x[j] - x[j + 1]), Math.Abs((long)y[j] - y[j + 1])) + 1;
        if (total > int.MaxValue / 2)
            throw new ArgumentException("polygon outline is too long to rasterise");
        var u = new int[total];
        var v = new int[total];
        var m = 0;
        for (var j = 0; j < k; j++)
        {
            int xs = x[j], xe = x[j + 1], ys = y[j], ye = y[j + 1];
            var dx = Math.Abs(xe - xs);
            var dy = Math.Abs(ys - ye);
            var flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
            if (flip)
            {
                (xs, xe) = (xe, xs);
                (ys, ye) = (ye, ys);
            }
            if (dx == 0 && dy == 0)
            {
                u[m] = xs;
                v[m] = ys;
                m++;
            }
            else if (dx >= dy)
            {
                var s = (double)(ye - ys) / dx;
                for (var d = 0; d <= dx; d++)
                {
                    var t = flip ? dx - d : d;
                    u[m] = t + xs;
                    v[m] = (int)(ys + s * t + .5);
                    m++;
                }
            }
            else
            {
                var s = (double)(xe - xs) / dy;
                for (var d = 0; d <= dy; d++)
                {
                    var t = flip ? dy - d : d;
                    v[m] = t + ys;
                    u[m] = (int)(xs + s * t + .5);
                    m++;
                }
            }
        }
        return (u, v);
    }

    /// <summary>
    /// Where the outline crosses a pixel column's centre line, as linear column-major positions
    /// <c>x * height + y</c> of the first pixel below the crossing (clamped to the column).
    /// </summary>
    private static List<uint> ColumnCrossings(int[] u, int[] v, int height, int width)
    {
        var positions = new List<uint>();
        for (var j = 1; j < u.Length; j++)
        {
            if (u[j] == u[j - 1])
                continue;
            double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
            xd = (xd + .5) / Scale - .5;
            if (Math.Floor(xd) != xd || xd < 0 || xd > width - 1)
                continue;
            double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
            yd = (yd + .5) / Scale - .5;
            if (yd < 0)
                yd = 0;
            else if (yd > height)
                yd = height;
            yd = Math.Ceiling(yd);
            positions.Add((uint)((long)(int)xd * height + (int)yd));
        }
        return positions;
    }

    /// <summary>Sorted crossing positions to run lengths; coinciding crossings cancel by merging their neighbours.</summary>
    private static uint[] ToCounts(List<uint> positions, int height, int width)
    {
        positions.Add((uint)((long)height * width));
        positions.Sort();
        var a = positions.ToArray();
        uint previous = 0;
        for (var j = 0; j < a.Length; j++)
        {
            var t = a[j];
            a[j] -= previous;
            previous = t;
        }
        var b = new uint[a.Length];
        var m = 0;
        var i = 0;
        b[m++] = a[i++];
        while (i < a.Length)
        {
            if (a[i] > 0)
            {
                b[m++] = a[i++];
            }
            else
            {
                i++;
                if (i < a.Length)
                    b[m - 1] += a[i++];
            }
        }
        return b.AsSpan(0, m).ToArray();
    }

    private static int ToGrid(double coordinate)
    {
        var scaled = Scale * coordinate + .5;
        if (!double.IsFinite(scaled) || Math.Abs(scaled) > 1e8)
            throw new ArgumentException($"polygon coordinate {coordinate} is not a finite pixel position");
        return (int)scaled;
    }
}
