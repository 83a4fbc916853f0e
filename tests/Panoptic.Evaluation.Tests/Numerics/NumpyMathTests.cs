using Panoptic.Evaluation.Numerics;

namespace Panoptic.Evaluation.Tests.Numerics;

public class NumpyMathTests
{
    // Expected values printed by numpy 1.24 (np.mean) for the same arrays: pairwise summation in 8192-value blocks.
    [Theory]
    [InlineData(20000, 0.500999549999956)]
    [InlineData(100, 0.5008999999999997)]
    [InlineData(7, 0.39999999999999997)]
    public void Mean_matches_numpy_bit_for_bit(int n, double expected)
    {
        var a = new double[n];
        for (var i = 0; i < n; i++)
            a[i] = (i * 0.37) % 1.0 + 1e-3 * ((i * 7) % 13);
        NumpyMath.Mean(a).Should().Be(expected);
    }

    [Fact]
    public void Linspace_matches_numpy()
    {
        NumpyMath.Linspace(.5, .95, 10).Should().Equal(0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.8999999999999999, 0.95);
        var recall = NumpyMath.Linspace(0, 1, 101);
        recall[7].Should().Be(0.07);
        recall[100].Should().Be(1.0);
    }
}
