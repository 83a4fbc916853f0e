using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Benchmarking;

/// <summary>A blob for synthetic workloads: an ellipse whose half-height wobbles from column to column.</summary>
/// <param name="CenterX">Centre, in pixels.</param>
/// <param name="CenterY">Centre, in pixels.</param>
/// <param name="RadiusX">Half width, in pixels.</param>
/// <param name="RadiusY">Half height, in pixels.</param>
/// <param name="Wobble">Relative amplitude of the per-column wobble (0 = a plain ellipse).</param>
/// <param name="Seed">Seed of the wobble, so the same blob always has the same pixels.</param>
public readonly record struct Blob(double CenterX, double CenterY, double RadiusX, double RadiusY, double Wobble, int Seed)
{
    /// <summary>The blob's rows in each column it covers: (column, first row, last row), clipped to the image.</summary>
    public IEnumerable<(int X, int Y0, int Y1)> Columns(int height, int width)
    {
        var random = new Random(Seed);
        var x0 = Math.Max(0, (int)Math.Ceiling(CenterX - RadiusX - 0.5));
        var x1 = Math.Min(width - 1, (int)Math.Floor(CenterX + RadiusX - 0.5));
        for (var x = x0; x <= x1; x++)
        {
            var dx = (x + 0.5 - CenterX) / RadiusX;
            var noise = 1 + Wobble * (random.NextDouble() - 0.5);
            if (Math.Abs(dx) >= 1)
                continue;
            var half = RadiusY * Math.Sqrt(1 - dx * dx) * noise;
            var y0 = Math.Max(0, (int)Math.Ceiling(CenterY - half - 0.5));
            var y1 = Math.Min(height - 1, (int)Math.Floor(CenterY + half - 0.5));
            if (y1 >= y0)
                yield return (x, y0, y1);
        }
    }

    /// <summary>The blob as an RLE mask, built column by column without a bitmap.</summary>
    public RleMask ToMask(int height, int width)
    {
        var counts = new List<uint>();
        long position = 0;
        foreach (var (x, y0, y1) in Columns(height, width))
        {
            var start = (long)x * height + y0;
            var zeros = start - position;
            if (zeros == 0 && counts.Count > 0)
            {
                counts[^1] += (uint)(y1 - y0 + 1);
            }
            else
            {
                counts.Add((uint)zeros);
                counts.Add((uint)(y1 - y0 + 1));
            }
            position = (long)x * height + y1 + 1;
        }
        var total = (long)height * width;
        if (position < total || counts.Count == 0)
            counts.Add((uint)(total - position));
        return new RleMask(height, width, counts.ToArray(), validate: true);
    }

    /// <summary>Paints the blob's pixels with <paramref name="id"/> in a row-major id map.</summary>
    public void Paint(int[] ids, int height, int width, int id)
    {
        foreach (var (x, y0, y1) in Columns(height, width))
        {
            for (var y = y0; y <= y1; y++)
                ids[y * width + x] = id;
        }
    }

    /// <summary>A random blob, sizes log-uniform between <paramref name="minRadius"/> and <paramref name="maxRadius"/>.</summary>
    public static Blob Random(Random random, int width, int height, double minRadius, double maxRadius) => new(
        random.NextDouble() * width,
        random.NextDouble() * height,
        LogUniform(random, minRadius, maxRadius),
        LogUniform(random, minRadius, maxRadius),
        0.2,
        random.Next());

    /// <summary>A perturbed copy: centre moved and radii scaled by up to <paramref name="amount"/> (relative).</summary>
    public Blob Jitter(Random random, double amount) => this with
    {
        CenterX = CenterX + RadiusX * amount * (2 * random.NextDouble() - 1),
        CenterY = CenterY + RadiusY * amount * (2 * random.NextDouble() - 1),
        RadiusX = RadiusX * (1 + amount * (2 * random.NextDouble() - 1)),
        RadiusY = RadiusY * (1 + amount * (2 * random.NextDouble() - 1)),
        Seed = random.Next(),
    };

    private static double LogUniform(Random random, double min, double max) => Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min)));
}
