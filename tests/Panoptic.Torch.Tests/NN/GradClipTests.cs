using Panoptic.Torch.NN;
using Panoptic.Torch.Tests.Optim;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.NN;

/// <summary>Gradient clipping against torch.nn.utils.clip_grad_norm_ / clip_grad_value_ (Fixtures/Reference/Optim/optim.py).</summary>
public class GradClipTests
{
    private static RefValue R(string name) => Reference.Of("Optim/optim.py")[name];

    [Theory]
    [InlineData(DType.Float32, 2.0, 0.5, "2.0")]
    [InlineData(DType.Float32, 1.0, 0.5, "1.0")]
    [InlineData(DType.Float32, double.PositiveInfinity, 0.5, "inf")]
    [InlineData(DType.Float32, 2.0, 1000.0, "2.0")]
    [InlineData(DType.Float64, 2.0, 0.5, "2.0")]
    [InlineData(DType.Float64, 1.0, 0.5, "1.0")]
    [InlineData(DType.Float64, double.PositiveInfinity, 0.5, "inf")]
    [InlineData(DType.Float64, 2.0, 1000.0, "2.0")]
    public void Clip_grad_norm_returns_the_total_norm_and_scales_gradients_as_PyTorch(DType dtype, double normType, double maxNorm, string normName)
    {
        var tol = dtype == DType.Float64 ? 1e-12 : 1e-6;
        using var problem = new OptimProblem(dtype);
        problem.Backward();
        var total = GradClip.ClipGradNorm_([problem.P1, problem.P2], maxNorm, normType);
        var key = $"clip_{dtype.Name()}_{normName}_{maxNorm:0.0}";
        total.Should().BeApproximately(R(key + "_total").Scalar, Math.Abs(R(key + "_total").Scalar) * tol);
        using var g1 = problem.P1.Grad!;
        using var g2 = problem.P2.Grad!;
        TensorAssert.Close(g1, R(key + "_g1"), tol, tol * 1e-2);
        TensorAssert.Close(g2, R(key + "_g2"), tol, tol * 1e-2);
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void Clip_grad_value_clamps_every_element(DType dtype)
    {
        using var problem = new OptimProblem(dtype);
        problem.Backward();
        GradClip.ClipGradValue_([problem.P1, problem.P2], 0.3);
        using var g1 = problem.P1.Grad!;
        using var g2 = problem.P2.Grad!;
        TensorAssert.Exact(g1, R($"clipv_{dtype.Name()}_g1"));
        TensorAssert.Exact(g2, R($"clipv_{dtype.Name()}_g2"));
        TensorAssert.Values(g2).Should().OnlyContain(v => Math.Abs(v) <= 0.3 + 1e-7);
    }
}
