using Panoptic.Torch.NN;
using Panoptic.Torch.Tests.Support;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Torch.Tests.NN;

/// <summary>Backward() of the functional ops against central finite differences in float64 (Support/GradCheck.cs).</summary>
public class FunctionalGradCheckTests
{
    [Fact]
    public void Conv2d_with_groups_stride_padding_and_dilation()
    {
        using var scope = Torch.NewDisposeScope();
        GradCheck.Check(
            t => F.Conv2d(t[0], t[1], t[2], stride: (2, 1), padding: (1, 2), dilation: (1, 2), groups: 2),
            [Inputs.Randn(1, [1, 4, 5, 6]), Inputs.Randn(2, [4, 2, 3, 2]), Inputs.Randn(3, [4])]);
    }

    [Fact]
    public void Conv_transpose2d_with_output_padding()
    {
        using var scope = Torch.NewDisposeScope();
        GradCheck.Check(
            t => F.ConvTranspose2d(t[0], t[1], t[2], stride: (2, 2), padding: (1, 1), outputPadding: (1, 1)),
            [Inputs.Randn(4, [1, 2, 3, 4]), Inputs.Randn(5, [2, 3, 3, 3]), Inputs.Randn(6, [3])]);
    }

    [Fact]
    public void Grid_sample_with_respect_to_input_and_grid()
    {
        using var scope = Torch.NewDisposeScope();
        var grid = Inputs.Rand(8, [1, 3, 4, 2]) * 2.2 - 1.1;
        GradCheck.Check(t => F.GridSample(t[0], t[1]), [Inputs.Randn(7, [1, 2, 4, 5]), grid]);
        GradCheck.Check(t => F.GridSample(t[0], t[1], GridSampleMode.Bilinear, GridSamplePadding.Border, alignCorners: true), [Inputs.Randn(7, [1, 2, 4, 5]), grid]);
    }

    [Fact]
    public void Bilinear_interpolation()
    {
        using var scope = Torch.NewDisposeScope();
        GradCheck.Check(t => F.Interpolate(t[0], size: (5, 7), mode: InterpolationMode.Bilinear), [Inputs.Randn(9, [1, 2, 3, 4])]);
        GradCheck.Check(t => F.Interpolate(t[0], scaleFactor: (1.5, 0.75), mode: InterpolationMode.Bilinear, alignCorners: true), [Inputs.Randn(9, [1, 2, 3, 4])]);
    }

    [Fact]
    public void Group_norm_with_affine_terms()
    {
        using var scope = Torch.NewDisposeScope();
        GradCheck.Check(t => F.GroupNorm(t[0], 2, t[1], t[2]), [Inputs.Randn(10, [2, 4, 3, 3]), Inputs.Randn(11, [4]), Inputs.Randn(12, [4])]);
    }

    [Fact]
    public void Cross_entropy_with_weights_and_ignored_targets()
    {
        using var scope = Torch.NewDisposeScope();
        var target = Torch.From(new long[] { 0, 3, -100, 1, 3 });
        var weight = Inputs.Rand(14, [4]) + 0.5;
        GradCheck.Check(t => F.CrossEntropy(t[0], target, weight), [Inputs.Randn(13, [5, 4])]);
        GradCheck.Check(t => F.CrossEntropy(t[0], target, weight, Reduction.None, labelSmoothing: 0.2), [Inputs.Randn(13, [5, 4])]);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_and_pos_weight()
    {
        using var scope = Torch.NewDisposeScope();
        var posWeight = Torch.From(new[] { 0.5, 2.0, 1.0 });
        GradCheck.Check(t => F.BinaryCrossEntropyWithLogits(t[0], t[1], posWeight: posWeight, reduction: Reduction.Sum),
            [Inputs.Randn(15, [4, 3]), Inputs.Rand(16, [4, 3])]);
    }

    [Fact]
    public void Smooth_l1_on_both_sides_of_beta()
    {
        using var scope = Torch.NewDisposeScope();
        // |x − y| spans both the quadratic (< beta) and the linear part, away from the kink.
        var x = Torch.From(new[] { 0.1, -0.3, 2.0, -1.7, 0.05, 1.2 });
        var y = Torch.From(new[] { 0.0, 0.1, 0.4, 0.2, -0.2, 1.0 });
        GradCheck.Check(t => F.SmoothL1Loss(t[0], t[1], Reduction.None, beta: 0.5), [x, y]);
        GradCheck.Check(t => F.SmoothL1Loss(t[0], t[1], Reduction.Mean, beta: 0), [x, y]);
    }
}
