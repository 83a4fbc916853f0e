using Panoptic.Torch.NN;
using Panoptic.Torch.Tests.Support;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Torch.Tests.NN;

/// <summary>Interpolation, grid sampling and padding against PyTorch (Fixtures/Reference/NN/functional.py).</summary>
public class FunctionalResampleTests
{
    private const double Tol = 1e-12;

    private static RefValue R(string name) => Reference.Of("NN/functional.py")[name];

    [Fact]
    public void Nearest_interpolation_by_size_and_by_scale_factor_matches_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(21, [2, 3, 5, 7]);
        TensorAssert.Exact(F.Interpolate(x, size: (8, 3)), R("nearest_size"));
        TensorAssert.Exact(F.Interpolate(x, scaleFactor: (2.0, 1.5)), R("nearest_scale"));
        TensorAssert.Exact(F.Interpolate(x, scaleFactor: (0.5, 0.7)), R("nearest_down"));
        ((Action)(() => F.Interpolate(x, size: (8, 3), alignCorners: true))).Should().Throw<TorchException>().WithMessage("*align_corners*");
    }

    [Fact]
    public void Bilinear_interpolation_with_and_without_align_corners_matches_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(21, [2, 3, 5, 7]);
        TensorAssert.Close(F.Interpolate(x, size: (8, 11), mode: InterpolationMode.Bilinear), R("bilinear_size"), Tol, 1e-15);
        TensorAssert.Close(F.Interpolate(x, size: (8, 11), mode: InterpolationMode.Bilinear, alignCorners: true), R("bilinear_size_ac"), Tol, 1e-15);
        TensorAssert.Close(F.Interpolate(x, scaleFactor: (1.7, 0.6), mode: InterpolationMode.Bilinear), R("bilinear_scale"), Tol, 1e-15);
        TensorAssert.Close(F.Interpolate(x, scaleFactor: (2.0, 2.0), mode: InterpolationMode.Bilinear, alignCorners: true), R("bilinear_scale_ac"), Tol, 1e-15);
        // By hand: [0, 1] resized to 3 with align_corners gives [0, 0.5, 1].
        F.Interpolate(Torch.From(new[] { 0.0, 1 }, 1, 1, 1, 2), size: (1, 3), mode: InterpolationMode.Bilinear, alignCorners: true)
            .ToArray<double>().Should().Equal(0, 0.5, 1);
    }

    [Fact]
    public void Grid_sample_in_every_mode_and_padding_matches_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(22, [2, 3, 5, 6]);
        var grid = Inputs.Rand(23, [2, 4, 3, 2]) * 2.4 - 1.2;
        TensorAssert.Close(F.GridSample(x, grid), R("grid_bilinear_zeros"), Tol, 1e-15);
        TensorAssert.Close(F.GridSample(x, grid, GridSampleMode.Bilinear, GridSamplePadding.Border, alignCorners: true), R("grid_bilinear_border_ac"), Tol, 1e-15);
        TensorAssert.Exact(F.GridSample(x, grid, GridSampleMode.Nearest, GridSamplePadding.Reflection), R("grid_nearest_reflection"));
        TensorAssert.Close(F.GridSample(x, grid, GridSampleMode.Bicubic), R("grid_bicubic"), Tol, 1e-14);
    }

    [Fact]
    public void Constant_padding_matches_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(22, [2, 3, 5, 6]);
        TensorAssert.Exact(F.Pad(x, [1, 2, 0, 3], 0.5), R("pad"));
    }
}
