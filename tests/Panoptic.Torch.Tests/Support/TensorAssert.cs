using System.Text;

namespace Panoptic.Torch.Tests.Support;

/// <summary>Element-wise comparisons of tensors with reference values, reporting the worst offenders.</summary>
public static class TensorAssert
{
    /// <summary>All elements of <paramref name="t"/> as doubles (row-major), whatever its dtype.</summary>
    public static double[] Values(Tensor t)
    {
        if (t.DType == DType.Float64) return t.ToArray<double>();
        using var d = t.To(DType.Float64);
        return d.ToArray<double>();
    }

    /// <summary>All elements of an integral or bool tensor as longs, exactly.</summary>
    public static long[] Longs(Tensor t)
    {
        if (t.DType == DType.Int64) return t.ToArray<long>();
        using var l = t.To(DType.Int64);
        return l.ToArray<long>();
    }

    /// <summary>Same shape and dtype as the reference, and |a − e| ≤ atol + rtol·|e| everywhere (NaN matches NaN).</summary>
    public static void Close(Tensor actual, RefValue expected, double rtol, double atol = 0, bool checkDType = true)
    {
        actual.Shape.Should().Equal(expected.Shape, "the shape must match PyTorch's");
        if (checkDType) actual.DType.Name().Should().Be(expected.DType, "the dtype must match PyTorch's");
        Close(Values(actual), expected.Values, rtol, atol);
    }

    /// <summary>Same shape and dtype as the reference, and every element exactly equal.</summary>
    public static void Exact(Tensor actual, RefValue expected)
    {
        actual.Shape.Should().Equal(expected.Shape, "the shape must match PyTorch's");
        actual.DType.Name().Should().Be(expected.DType, "the dtype must match PyTorch's");
        if (actual.DType.IsFloatingPoint()) Close(Values(actual), expected.Values, 0, 0);
        else Longs(actual).Should().Equal(expected.Longs);
    }

    public static void Close(Tensor actual, double[] expected, double rtol, double atol = 0) => Close(Values(actual), expected, rtol, atol);

    public static void Close(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double rtol, double atol = 0)
    {
        actual.Count.Should().Be(expected.Count, "the element counts must match");
        var bad = new List<(int I, double A, double E)>();
        for (var i = 0; i < actual.Count; i++)
        {
            var (a, e) = (actual[i], expected[i]);
            if (double.IsNaN(e) ? double.IsNaN(a) : a == e || Math.Abs(a - e) <= atol + rtol * Math.Abs(e)) continue;
            bad.Add((i, a, e));
        }
        if (bad.Count == 0) return;
        var message = new StringBuilder($"{bad.Count} of {actual.Count} elements differ beyond rtol {rtol:g3}, atol {atol:g3}; worst:");
        foreach (var (i, a, e) in bad.OrderByDescending(b => Math.Abs(b.A - b.E)).Take(8))
            message.Append($"\n  [{i}] actual {a:R}, expected {e:R} (diff {a - e:g3})");
        throw new Xunit.Sdk.XunitException(message.ToString());
    }
}
