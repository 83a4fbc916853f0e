using Panoptic.Torch.Tests.Support;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Torch.Tests.NN;

/// <summary>Convolutions and pooling against PyTorch (Fixtures/Reference/NN/functional.py).</summary>
public class FunctionalConvPoolTests
{
    private const double Tol = 1e-12;

    private static RefValue R(string name) => Reference.Of("NN/functional.py")[name];

    [Fact]
    public void Conv2d_with_groups_dilation_stride_and_padding_matches_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(1, [2, 4, 7, 9]);
        var y = F.Conv2d(x, Inputs.Randn(2, [6, 2, 3, 3]), Inputs.Randn(3, [6]), stride: (2, 1), padding: (1, 2), dilation: (1, 2), groups: 2);
        TensorAssert.Close(y, R("conv_full"), Tol, 1e-14);
        TensorAssert.Close(F.Conv2d(Inputs.Randn(4, [1, 3, 6, 6]), Inputs.Randn(5, [2, 3, 2, 2])), R("conv_plain"), Tol, 1e-14);
        TensorAssert.Close(F.Conv2d(Inputs.Randn(4, [1, 3, 6, 6], DType.Float32), Inputs.Randn(5, [2, 3, 3, 3], DType.Float32), padding: (1, 1)), R("conv32"), 1e-6, 1e-6);
    }

    [Fact]
    public void Conv2d_by_hand_sums_the_window_times_the_kernel()
    {
        using var scope = Torch.NewDisposeScope();
        // 1x1x3x3 input 1..9, 2x2 kernel of ones, bias 0.5: window sums 1+2+4+5 = 12, 14, 24, 26.
        var x = Torch.From(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9 }, 1, 1, 3, 3);
        var y = F.Conv2d(x, Torch.Ones([1, 1, 2, 2], DType.Float64), Torch.From(new[] { 0.5 }));
        y.ToArray<double>().Should().Equal(12.5, 16.5, 24.5, 28.5);
    }

    [Fact]
    public void Conv_transpose2d_with_output_padding_groups_and_dilation_matches_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(6, [1, 4, 3, 5]);
        var y = F.ConvTranspose2d(x, Inputs.Randn(7, [4, 3, 3, 3]), Inputs.Randn(8, [3]), stride: (2, 2), padding: (1, 1), outputPadding: (1, 1));
        TensorAssert.Close(y, R("convt"), Tol, 1e-14);
        y.Shape.Should().Equal(1, 3, 6, 10);
        var g = F.ConvTranspose2d(x, Inputs.Randn(9, [4, 2, 3, 2]), null, stride: (2, 3), padding: (0, 1), outputPadding: (1, 2), groups: 2, dilation: (1, 2));
        TensorAssert.Close(g, R("convt_groups"), Tol, 1e-14);
    }

    [Fact]
    public void Max_pooling_with_ceil_mode_and_dilation_matches_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(10, [2, 3, 7, 8]);
        var ceil = F.MaxPool2d(x, (3, 3), (2, 2), (1, 1), ceilMode: true);
        TensorAssert.Exact(ceil, R("maxpool_ceil"));
        ceil.Shape.Should().Equal(2, 3, 4, 5);
        var floor = F.MaxPool2d(x, (3, 3), (2, 2), (1, 1), ceilMode: false);
        TensorAssert.Exact(floor, R("maxpool_floor"));
        floor.Shape.Should().Equal(2, 3, 4, 4);
        TensorAssert.Exact(F.MaxPool2d(x, (2, 3), (1, 2), (0, 0), dilation: (2, 2)), R("maxpool_dilated"));
    }

    [Fact]
    public void Average_and_adaptive_pooling_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(10, [2, 3, 7, 8]);
        TensorAssert.Close(F.AvgPool2d(x, (3, 3), (2, 2), (1, 1), ceilMode: true, countIncludePad: false), R("avgpool_ceil_nopad"), Tol);
        TensorAssert.Close(F.AvgPool2d(x, (2, 2)), R("avgpool"), Tol);
        TensorAssert.Close(F.AdaptiveAvgPool2d(x, (3, 5)), R("adaptive"), Tol);
        TensorAssert.Close(F.AdaptiveAvgPool2d(x, (1, 1)), R("adaptive_1"), Tol);
        // By hand: the 2x2 average of [[1, 2], [3, 4]] is 2.5.
        F.AvgPool2d(Torch.From(new[] { 1.0, 2, 3, 4 }, 1, 1, 2, 2), (2, 2)).ToDouble().Should().Be(2.5);
    }
}
