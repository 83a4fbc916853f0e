using System.Runtime.Intrinsics;

namespace Panoptic.Evaluation.Imaging;

/// <summary>The five PNG scanline filters (None, Sub, Up, Average, Paeth), for reading and writing.</summary>
internal static class PngFilters
{
    public const int Count = 5;

    /// <summary>Reverses the filter of one row in place; <paramref name="previous"/> is the unfiltered row above (zeros for the first).</summary>
    public static unsafe void Unfilter(int filter, Span<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel)
    {
        if (previous.Length < row.Length)
            throw new ArgumentException("previous row is shorter than the row");
        var n = row.Length;
        var bpp = Math.Min(bytesPerPixel, n);
        fixed (byte* r = row)
        fixed (byte* up = previous)
        {
            switch (filter)
            {
                case 0:
                    break;
                case 1:
                    for (var i = bpp; i < n; i++)
                        r[i] += r[i - bpp];
                    break;
                case 2:
                    AddUp(r, up, n);
                    break;
                case 3:
                    for (var i = 0; i < bpp; i++)
                        r[i] += (byte)(up[i] >> 1);
                    for (var i = bpp; i < n; i++)
                        r[i] += (byte)((r[i - bpp] + up[i]) >> 1);
                    break;
                case 4:
                    for (var i = 0; i < bpp; i++)
                        r[i] += up[i];
                    for (var i = bpp; i < n; i++)
                        r[i] += Paeth(r[i - bpp], up[i], up[i - bpp]);
                    break;
                default:
                    throw new InvalidDataException($"unknown PNG filter type {filter}");
            }
        }
    }

    /// <summary>r[i] += up[i], a vector at a time.</summary>
    private static unsafe void AddUp(byte* r, byte* up, int n)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + Vector128<byte>.Count <= n; i += Vector128<byte>.Count)
                Vector128.Store(Vector128.Load(r + i) + Vector128.Load(up + i), r + i);
        }
        for (; i < n; i++)
            r[i] += up[i];
    }

    /// <summary>Applies a filter to one row: <paramref name="output"/>[i] = raw[i] - prediction.</summary>
    public static void Filter(int filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> output)
    {
        var n = row.Length;
        for (var i = 0; i < n; i++)
        {
            var left = i >= bytesPerPixel ? row[i - bytesPerPixel] : (byte)0;
            var up = previous[i];
            var upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : (byte)0;
            var prediction = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) >> 1,
                _ => Paeth(left, up, upLeft),
            };
            output[i] = (byte)(row[i] - prediction);
        }
    }

    /// <summary>The usual heuristic: the filter whose output, read as signed bytes, has the smallest sum of magnitudes.</summary>
    public static int Choose(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> scratch)
    {
        var best = 0;
        var bestCost = long.MaxValue;
        for (var f = 0; f < Count; f++)
        {
            Filter(f, row, previous, bytesPerPixel, scratch);
            long cost = 0;
            foreach (var b in scratch)
                cost += Math.Abs((int)(sbyte)b);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = f;
            }
        }
        return best;
    }

    /// <summary>The Paeth predictor, written so the JIT can use conditional moves instead of branches.</summary>
    private static byte Paeth(byte a, byte b, byte c)
    {
        var pa = Math.Abs(b - c);
        var pb = Math.Abs(a - c);
        var pc = Math.Abs(a + b - 2 * c);
        var bOrC = pb <= pc ? b : c;
        return (pa <= pb) & (pa <= pc) ? a : bOrC;
    }
}
