namespace Panoptic.Core.Data.Synthetic;

/// <summary>
/// COCO polygons that rasterise back to exactly a given mask with pycocotools' rules (Panoptic.Evaluation's
/// <c>PolygonRasterizer</c>): the outline follows pixel edges (vertices on pixel corners, collinear runs merged), so
/// every pixel centre is unambiguously inside or outside. A mask without holes gives one polygon per 8-separated
/// piece. With holes — pycocotools unites a segmentation's polygons, so a hole cannot be a polygon of its own — all
/// outlines are chained into a single polygon: each outline is reached from the previous one by a vertical then a
/// horizontal segment that is walked back on the way home. Vertical segments on pixel edges cross no pixel-centre
/// column and each horizontal connector is crossed twice, so connectors add nothing and the even-odd fill of the
/// chain is the mask minus its holes, exactly (at the original resolution; the tolerance is 0 pixels).
/// </summary>
public static class MaskPolygons
{
    /// <summary>Polygons <c>[x1, y1, x2, y2, …]</c> (pixel-corner coordinates) of the pixels of a row-major id map equal to <paramref name="id"/>.</summary>
    /// <param name="ids">Row-major id map of <paramref name="width"/> × <paramref name="height"/>.</param>
    /// <param name="width">Map width.</param>
    /// <param name="height">Map height.</param>
    /// <param name="id">The segment to outline.</param>
    /// <returns>Polygons, empty for an empty mask.</returns>
    public static IReadOnlyList<double[]> FromIdMap(ReadOnlySpan<int> ids, int width, int height, int id)
    {
        var loops = Outlines(ids, width, height, id);
        var outer = loops.Where(l => SignedArea(l) < 0).ToList();
        if (outer.Count == loops.Count)
            return outer.Select(Flatten).ToList();
        return [Flatten(Chain(loops))];
    }

    /// <summary>Closed outlines along pixel edges; outer outlines wind one way (negative signed area), holes the other.</summary>
    private static List<List<(int X, int Y)>> Outlines(ReadOnlySpan<int> ids, int width, int height, int id)
    {
        var stride = width + 1;
        var next = new Dictionary<int, List<int>>();
        var order = new List<int>();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (ids[y * width + x] != id)
                    continue;
                if (y == 0 || ids[(y - 1) * width + x] != id)
                    Edge(Key(x + 1, y), Key(x, y));
                if (x == 0 || ids[y * width + x - 1] != id)
                    Edge(Key(x, y), Key(x, y + 1));
                if (y == height - 1 || ids[(y + 1) * width + x] != id)
                    Edge(Key(x, y + 1), Key(x + 1, y + 1));
                if (x == width - 1 || ids[y * width + x + 1] != id)
                    Edge(Key(x + 1, y + 1), Key(x + 1, y));
            }
        }
        var loops = new List<List<(int, int)>>();
        foreach (var start in order)
        {
            while (next.TryGetValue(start, out var outs) && outs.Count > 0)
                loops.Add(Trace(start, next, stride));
        }
        return loops;

        int Key(int x, int y) => y * stride + x;

        void Edge(int from, int to)
        {
            if (!next.TryGetValue(from, out var list))
            {
                next[from] = list = new List<int>(2);
                order.Add(from);
            }
            list.Add(to);
        }
    }

    /// <summary>Walks unused edges from <paramref name="start"/> back to it; at a pixel-diagonal crossing it turns right.</summary>
    private static List<(int X, int Y)> Trace(int start, Dictionary<int, List<int>> next, int stride)
    {
        var corners = new List<(int X, int Y)>();
        var current = start;
        var (dx, dy) = (0, 0);
        (int, int)? first = null;
        do
        {
            var outs = next[current];
            var pick = 0;
            if (outs.Count == 2)
            {
                var (ax, ay) = Direction(current, outs[0], stride);
                pick = ax == -dy && ay == dx ? 0 : 1;
            }
            var to = outs[pick];
            outs.RemoveAt(pick);
            var (cx, cy) = (current % stride, current / stride);
            var direction = Direction(current, to, stride);
            first ??= direction;
            if (direction != (dx, dy))
                corners.Add((cx, cy));
            (dx, dy) = direction;
            current = to;
        }
        while (current != start);
        if (first == (dx, dy))
            corners.RemoveAt(0);
        return corners;
    }

    private static (int, int) Direction(int from, int to, int stride) => (to % stride - from % stride, to / stride - from / stride);

    private static long SignedArea(List<(int X, int Y)> loop)
    {
        long twice = 0;
        for (int i = 0, j = loop.Count - 1; i < loop.Count; j = i++)
            twice += (long)loop[j].X * loop[i].Y - (long)loop[i].X * loop[j].Y;
        return twice;
    }

    /// <summary>All outlines as one polygon: out along connectors (vertical, then horizontal) to each outline in turn, back along the same connectors.</summary>
    private static List<(int X, int Y)> Chain(List<List<(int X, int Y)>> loops)
    {
        var path = new List<(int X, int Y)>();
        for (var i = 0; i < loops.Count; i++)
        {
            var start = loops[i][0];
            if (i > 0)
                Add((loops[i - 1][0].X, start.Y));
            foreach (var corner in loops[i])
                Add(corner);
            Add(start);
        }
        for (var i = loops.Count - 1; i > 0; i--)
        {
            Add((loops[i - 1][0].X, loops[i][0].Y));
            Add(loops[i - 1][0]);
        }
        if (path.Count > 1 && path[^1] == path[0])
            path.RemoveAt(path.Count - 1);
        return path;

        void Add((int X, int Y) point)
        {
            if (path.Count == 0 || path[^1] != point)
                path.Add(point);
        }
    }

    private static double[] Flatten(List<(int X, int Y)> loop)
    {
        var xy = new double[loop.Count * 2];
        for (var i = 0; i < loop.Count; i++)
            (xy[2 * i], xy[2 * i + 1]) = (loop[i].X, loop[i].Y);
        return xy;
    }
}
