namespace Panoptic.Evaluation.Numerics;

/// <summary>
/// The few NumPy operations whose exact floating-point results the official tools depend on, reproduced bit for bit.
/// </summary>
public static class NumpyMath
{
    private const int BufferSize = 8192;
    private const int PairwiseBlock = 128;

    /// <summary>
    /// <c>np.linspace(start, stop, num)</c> with the end point: <c>i * ((stop - start) / (num - 1)) + start</c>, the last
    /// value exactly <paramref name="stop"/>. (So the COCO IoU thresholds are not all the nearest doubles to .50, .55, ...)
    /// </summary>
    public static double[] Linspace(double start, double stop, int num)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(num);
        var result = new double[num];
        if (num == 0)
            return result;
        if (num == 1)
        {
            result[0] = start;
            return result;
        }
        var step = (stop - start) / (num - 1);
        for (var i = 0; i < num; i++)
            result[i] = i * step + start;
        result[^1] = stop;
        return result;
    }

    /// <summary>
    /// <c>np.mean</c> of a contiguous float64 array: NumPy's pairwise summation, applied to blocks of 8192 values
    /// (the ufunc buffer size) that are added in order, divided by the count. NaN for an empty input.
    /// </summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
            return double.NaN;
        return Sum(values) / values.Length;
    }

    /// <summary><c>np.add.reduce</c> of a contiguous float64 array (see <see cref="Mean"/>).</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Length; i += BufferSize)
            sum += PairwiseSum(values.Slice(i, Math.Min(BufferSize, values.Length - i)));
        return sum;
    }

    private static double PairwiseSum(ReadOnlySpan<double> a)
    {
        var n = a.Length;
        if (n < 8)
        {
            var res = 0.0;
            for (var i = 0; i < n; i++)
                res += a[i];
            return res;
        }
        if (n <= PairwiseBlock)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            var i = 8;
            for (; i < n - n % 8; i += 8)
            {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }
            var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
                res += a[i];
            return res;
        }
        var half = n / 2;
        half -= half % 8;
        return PairwiseSum(a[..half]) + PairwiseSum(a[half..]);
    }
}
