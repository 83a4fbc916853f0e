namespace Panoptic.Core.Data.Synthetic;

/// <summary>
/// Draws one synthetic panoptic scene: textured stuff regions, then things of five shape classes in random sizes,
/// colours and rotations, painted in order so that later ones occlude earlier ones, plus sometimes a crowd cluster.
/// Every pixel's segment is known exactly, so the annotations are exact. Deterministic for a generator state.
/// </summary>
public static class SceneRenderer
{
    private sealed record Thing(int CategoryId, bool IsCrowd, List<ShapeGeometry> Shapes, double[] Color, double ShadeAngle);

    public static SyntheticScene Render(SceneOptions options, SplitMix64 rng)
    {
        options.Validate();
        int w = options.Width, h = options.Height;
        var rgb = new byte[w * h * 3];
        var stuff = StuffPainter.Paint(w, h, rgb, rng);

        // owner[i] = index into things (+1), 0 = stuff.
        var owner = new int[w * h];
        var things = new List<Thing>();
        var count = rng.Next(options.MinThings, options.MaxThings + 1);
        var crowdAt = rng.Chance(options.CrowdProbability) ? rng.Next(0, count + 1) : -1;
        for (var k = 0; k <= count; k++)
        {
            if (k == crowdAt) things.Add(Crowd(w, h, rng));
            if (k < count) things.Add(Single(w, h, options, rng));
        }
        for (var t = 0; t < things.Count; t++) Paint(things[t], t + 1, w, h, rgb, owner, rng.NextUInt64());

        return Assemble(w, h, rgb, stuff, owner, things, options.MinVisibleArea);
    }

    private static Thing Single(int w, int h, SceneOptions o, SplitMix64 rng)
    {
        var category = SyntheticCategories.ThingIds[rng.Next(0, SyntheticCategories.ThingIds.Count)];
        var maxR = Math.Max(11, Math.Min(w, h) / 5.0);
        var r = rng.Chance(o.SmallFraction) ? rng.Uniform(4, 10) : rng.Uniform(10, maxR);
        var shape = ShapeGeometry.Create(category, rng.Uniform(0, w), rng.Uniform(0, h), r, rng.Uniform(0, 2 * Math.PI), rng.Uniform(0.35, 0.7));
        return new Thing(category, false, [shape], RandomColor(rng), rng.Uniform(0, 2 * Math.PI));
    }

    private static Thing Crowd(int w, int h, SplitMix64 rng)
    {
        var category = SyntheticCategories.ThingIds[rng.Next(0, SyntheticCategories.ThingIds.Count)];
        double cx = rng.Uniform(0.15, 0.85) * w, cy = rng.Uniform(0.15, 0.85) * h, spread = Math.Min(w, h) * rng.Uniform(0.06, 0.12);
        var shapes = new List<ShapeGeometry>();
        var n = rng.Next(6, 13);
        for (var i = 0; i < n; i++)
            shapes.Add(ShapeGeometry.Create(category, cx + rng.Uniform(-spread, spread), cy + rng.Uniform(-spread, spread),
                rng.Uniform(3, 6), rng.Uniform(0, 2 * Math.PI), rng.Uniform(0.4, 0.7)));
        return new Thing(category, true, shapes, RandomColor(rng), rng.Uniform(0, 2 * Math.PI));
    }

    /// <summary>A saturated colour (things differ by shape, not by colour).</summary>
    private static double[] RandomColor(SplitMix64 rng)
    {
        var c = new[] { rng.Uniform(20, 235), rng.Uniform(20, 235), rng.Uniform(20, 235) };
        var strong = rng.Next(0, 3);
        c[strong] = Math.Max(c[strong], 200);
        c[(strong + 1) % 3] = Math.Min(c[(strong + 1) % 3], 80);
        return c;
    }

    private static void Paint(Thing thing, int ownerId, int w, int h, byte[] rgb, int[] owner, ulong salt)
    {
        var (dx, dy) = (Math.Cos(thing.ShadeAngle), Math.Sin(thing.ShadeAngle));
        foreach (var s in thing.Shapes)
        {
            int x0 = Math.Max(0, (int)Math.Floor(s.MinX)), x1 = Math.Min(w - 1, (int)Math.Ceiling(s.MaxX));
            int y0 = Math.Max(0, (int)Math.Floor(s.MinY)), y1 = Math.Min(h - 1, (int)Math.Ceiling(s.MaxY));
            var size = Math.Max(1, Math.Max(s.MaxX - s.MinX, s.MaxY - s.MinY));
            for (var y = y0; y <= y1; y++)
                for (var x = x0; x <= x1; x++)
                {
                    if (!s.Contains(x + 0.5, y + 0.5)) continue;
                    var i = y * w + x;
                    owner[i] = ownerId;
                    var shade = 1 + 0.35 * (((x - s.MinX) * dx + (y - s.MinY) * dy) / size - 0.5);
                    var noise = (Texture.Hash(x, y, salt) - 0.5) * 16;
                    Texture.Put(rgb, i, thing.Color[0] * shade + noise, thing.Color[1] * shade + noise, thing.Color[2] * shade + noise);
                }
        }
    }

    private static SyntheticScene Assemble(int w, int h, byte[] rgb, int[] stuff, int[] owner, List<Thing> things, int minArea)
    {
        var area = new int[things.Count + 1];
        foreach (var o in owner) area[o]++;
        var ids = new int[w * h];
        var segments = new List<SyntheticSegment>();
        var nextId = 1;

        // Stuff first (one segment per category present), then things in painting order.
        var stuffId = new Dictionary<int, int>();
        for (var i = 0; i < ids.Length; i++)
            if (owner[i] == 0 && !stuffId.ContainsKey(stuff[i])) stuffId[stuff[i]] = 0;
        foreach (var cat in stuffId.Keys.Order().ToList()) stuffId[cat] = nextId++;
        var thingId = new int[things.Count + 1];
        for (var t = 1; t <= things.Count; t++)
            thingId[t] = area[t] >= minArea ? nextId++ : 0;

        for (var i = 0; i < ids.Length; i++)
            ids[i] = owner[i] == 0 ? stuffId[stuff[i]] : thingId[owner[i]];

        var boxes = SegmentBoxes(ids, w, h, nextId);
        foreach (var (cat, id) in stuffId.OrderBy(kv => kv.Value))
            segments.Add(new SyntheticSegment(id, cat, false, boxes.Area[id], boxes.Box(id)));
        for (var t = 1; t <= things.Count; t++)
            if (thingId[t] > 0)
                segments.Add(new SyntheticSegment(thingId[t], things[t - 1].CategoryId, things[t - 1].IsCrowd, boxes.Area[thingId[t]], boxes.Box(thingId[t])));
        return new SyntheticScene(w, h, rgb, ids, segments);
    }

    private sealed class Extents(int n)
    {
        public readonly int[] Area = new int[n];
        public readonly int[] MinX = Enumerable.Repeat(int.MaxValue, n).ToArray();
        public readonly int[] MinY = Enumerable.Repeat(int.MaxValue, n).ToArray();
        public readonly int[] MaxX = new int[n];
        public readonly int[] MaxY = new int[n];

        public int[] Box(int id) => [MinX[id], MinY[id], MaxX[id] - MinX[id] + 1, MaxY[id] - MinY[id] + 1];
    }

    private static Extents SegmentBoxes(int[] ids, int w, int h, int n)
    {
        var e = new Extents(n);
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var id = ids[y * w + x];
                e.Area[id]++;
                e.MinX[id] = Math.Min(e.MinX[id], x);
                e.MinY[id] = Math.Min(e.MinY[id], y);
                e.MaxX[id] = Math.Max(e.MaxX[id], x);
                e.MaxY[id] = Math.Max(e.MaxY[id], y);
            }
        return e;
    }
}
