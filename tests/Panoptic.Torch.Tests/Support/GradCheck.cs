namespace Panoptic.Torch.Tests.Support;

/// <summary>
/// Finite-difference gradient check in float64: the gradients that <see cref="Tensor.Backward"/> accumulates for
/// L = Σ f(x₁, …)·W (W a fixed random weighting, so that every output element counts differently) are compared with
/// central differences (L(x + ε) − L(x − ε)) / 2ε, element by element, for every input.
/// </summary>
public static class GradCheck
{
    /// <summary>
    /// Checks <paramref name="f"/> at <paramref name="inputs"/> (float64; they are copied, never modified).
    /// Anything <paramref name="f"/> needs without a gradient (targets, sizes) is captured by the closure.
    /// </summary>
    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = 1e-6, double rtol = 1e-6, double atol = 1e-9)
    {
        foreach (var x in inputs) x.DType.Should().Be(DType.Float64, "gradient checks run in float64");
        var shapes = inputs.Select(x => x.Shape).ToArray();
        var data = inputs.Select(TensorAssert.Values).ToArray();

        using var scope = Torch.NewDisposeScope();
        var leaves = data.Select((d, i) => Torch.From<double>(d, shapes[i]).RequiresGrad_()).ToArray();
        var y = f(leaves);
        var weights = Inputs.Randn(20240229, y.Shape);
        var loss = (y * weights).Sum();
        loss.Backward();
        var analytic = leaves.Select(l => l.Grad is { } g ? TensorAssert.Values(g) : new double[l.Numel]).ToArray();

        double Loss()
        {
            using var inner = Torch.NewDisposeScope();
            using var noGrad = Torch.NoGrad();
            var xs = data.Select((d, i) => Torch.From<double>(d, shapes[i])).ToArray();
            return (f(xs) * weights).Sum().ToDouble();
        }

        for (var i = 0; i < data.Length; i++)
        {
            var numeric = new double[data[i].Length];
            for (var j = 0; j < numeric.Length; j++)
            {
                var saved = data[i][j];
                data[i][j] = saved + eps;
                var plus = Loss();
                data[i][j] = saved - eps;
                var minus = Loss();
                data[i][j] = saved;
                numeric[j] = (plus - minus) / (2 * eps);
            }
            numeric.Should().Contain(v => Math.Abs(v) > 1e-6, $"input {i} must influence the output for the check to mean anything");
            try
            {
                TensorAssert.Close(analytic[i], numeric, rtol, atol);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                throw new Xunit.Sdk.XunitException($"gradient of input {i} (shape [{string.Join(", ", shapes[i])}]): analytic vs numeric\n{e.Message}");
            }
        }
    }
}
