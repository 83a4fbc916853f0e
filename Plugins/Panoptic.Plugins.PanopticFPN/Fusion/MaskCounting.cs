using System.Numerics;
using System.Runtime.InteropServices;

namespace Panoptic.Plugins.PanopticFPN.Fusion;

/// <summary>Vectorised counts over 0/1 byte maps (bool tensors hold 0 or 1 per byte).</summary>
internal static class MaskCounting
{
    // A byte lane may add 255 ones before it overflows.
    private const int ChunkVectors = 255;

    /// <summary>
    /// Σ a[p]·r[p] and Σ a[p]·r[p]·b[p] over equal-length 0/1 maps: the area of mask a inside region r, and how much
    /// of it b covers. Pass a itself as r for no region.
    /// </summary>
    public static (long Sum, long Both) Count(ReadOnlySpan<byte> a, ReadOnlySpan<byte> r, ReadOnlySpan<byte> b)
    {
        var va = MemoryMarshal.Cast<byte, Vector<byte>>(a);
        var vr = MemoryMarshal.Cast<byte, Vector<byte>>(r);
        var vb = MemoryMarshal.Cast<byte, Vector<byte>>(b);
        long sum = 0, both = 0;
        for (var start = 0; start < va.Length; start += ChunkVectors)
        {
            var end = Math.Min(va.Length, start + ChunkVectors);
            Vector<byte> accSum = Vector<byte>.Zero, accBoth = Vector<byte>.Zero;
            for (var k = start; k < end; k++)
            {
                var inRegion = va[k] & vr[k];
                accSum += inRegion;
                accBoth += inRegion & vb[k];
            }
            sum += LaneTotal(accSum);
            both += LaneTotal(accBoth);
        }
        for (var p = va.Length * Vector<byte>.Count; p < a.Length; p++)
        {
            var inRegion = a[p] & r[p];
            sum += inRegion;
            both += inRegion & b[p];
        }
        return (sum, both);
    }

    private static long LaneTotal(Vector<byte> lanes)
    {
        Vector.Widen(lanes, out var low, out var high);
        // ≤ 510 per ushort lane, ≤ 32 lanes: fits.
        return Vector.Sum(low + high);
    }
}
