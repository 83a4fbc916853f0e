using System.Globalization;

namespace Panoptic.Core.Reporting;

/// <summary>A value axis: its range, whether it is logarithmic (base 10), and its ticks with their labels.</summary>
public sealed record ChartAxis(double Min, double Max, bool Log, IReadOnlyList<double> Ticks, IReadOnlyList<string> Labels)
{
    /// <summary>Where <paramref name="value"/> lies between <see cref="Min"/> (0) and <see cref="Max"/> (1), linearly or in log10.</summary>
    public double Fraction(double value) =>
        Log ? (Math.Log10(value) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min)) : (value - Min) / (Max - Min);

    /// <summary>
    /// A linear axis covering [<paramref name="min"/>, <paramref name="max"/>], widened to "nice" tick values (1, 2, 2.5 or 5 ×
    /// 10^k apart) with at most about <paramref name="maxTicks"/> ticks. An empty range is widened by one unit (or 10%).
    /// </summary>
    public static ChartAxis Linear(double min, double max, int maxTicks = 6)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
            (min, max) = (0, 1);
        if (max < min)
            (min, max) = (max, min);
        if (max == min)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }
        var step = NiceStep((max - min) / Math.Max(1, maxTicks - 1));
        var lo = Math.Floor((min / step) + 1e-9) * step;
        var hi = Math.Ceiling((max / step) - 1e-9) * step;
        var count = (int)Math.Round((hi - lo) / step);
        var decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));
        if (Math.Abs((step / Math.Pow(10, -decimals)) - Math.Round(step / Math.Pow(10, -decimals))) > 1e-6)
            decimals++; // 2.5 × 10^k needs one more digit
        var ticks = new List<double>();
        var labels = new List<string>();
        for (var i = 0; i <= count; i++)
        {
            var v = lo + (i * step);
            if (Math.Abs(v) < step * 1e-9)
                v = 0;
            ticks.Add(v);
            labels.Add(v.ToString("F" + decimals, CultureInfo.InvariantCulture));
        }
        return new ChartAxis(lo, hi, false, ticks, labels);
    }

    /// <summary>
    /// A log10 axis over whole decades covering [<paramref name="min"/>, <paramref name="max"/>] (both &gt; 0), with ticks at
    /// each power of ten, plus 2× and 5× when it spans at most two decades.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive or non-finite bound.</exception>
    public static ChartAxis Log10(double min, double max)
    {
        if (!(min > 0) || !(max > 0) || !double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentOutOfRangeException(nameof(min), $"a log axis needs positive finite bounds, got [{min}, {max}]");
        if (max < min)
            (min, max) = (max, min);
        var lo = (int)Math.Floor(Math.Log10(min) + 1e-9);
        var hi = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        if (hi == lo)
            hi++;
        var ticks = new List<double>();
        var labels = new List<string>();
        for (var k = lo; k <= hi; k++)
        {
            foreach (var m in hi - lo <= 2 ? new[] { 1, 2, 5 } : [1])
            {
                if (k == hi && m > 1)
                    break;
                ticks.Add(m * Math.Pow(10, k));
                labels.Add(FormatPower(m, k));
            }
        }
        return new ChartAxis(Math.Pow(10, lo), Math.Pow(10, hi), true, ticks, labels);
    }

    private static string FormatPower(int mantissa, int exponent) =>
        exponent is >= -3 and <= 4
            ? (mantissa * Math.Pow(10, exponent)).ToString("0.####", CultureInfo.InvariantCulture)
            : $"{mantissa}e{exponent}";

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var f = raw / magnitude;
        var nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
