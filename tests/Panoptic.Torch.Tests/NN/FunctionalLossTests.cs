using Panoptic.Torch.NN;
using Panoptic.Torch.Tests.Support;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Torch.Tests.NN;

/// <summary>Losses with weights, ignored targets and every reduction against PyTorch (Fixtures/Reference/NN/functional.py).</summary>
public class FunctionalLossTests
{
    private const double Tol = 1e-12;

    private static readonly (Reduction Value, string Name)[] Reductions =
        [(Reduction.None, "none"), (Reduction.Mean, "mean"), (Reduction.Sum, "sum")];

    private static RefValue R(string name) => Reference.Of("NN/functional.py")[name];

    [Fact]
    public void Cross_entropy_with_class_weights_ignored_targets_and_reductions_matches_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = Inputs.Randn(24, [6, 5]);
        var target = Torch.From(new long[] { 0, 4, 2, -100, 1, 2 });
        var weight = Inputs.Rand(25, [5]) + 0.5;
        foreach (var (red, name) in Reductions)
        {
            TensorAssert.Close(F.CrossEntropy(logits, target, reduction: red), R($"ce_{name}"), Tol);
            TensorAssert.Close(F.CrossEntropy(logits, target, weight, red), R($"ce_w_{name}"), Tol);
        }
        TensorAssert.Close(F.CrossEntropy(logits, target.Clamp(min: 0), weight, ignoreIndex: 2), R("ce_ignore2"), Tol);
        TensorAssert.Close(F.CrossEntropy(logits, target, weight, labelSmoothing: 0.1), R("ce_smooth"), Tol);
        var spatial = F.CrossEntropy(Inputs.Randn(26, [2, 5, 3, 4]), Torch.Arange(24).Reshape(2, 3, 4) % 5);
        TensorAssert.Close(spatial, R("ce_spatial"), Tol);
        // By hand: uniform logits over 4 classes cost ln 4 whatever the target.
        F.CrossEntropy(Torch.Zeros([2, 4], DType.Float64), Torch.From(new long[] { 1, 3 })).ToDouble().Should().BeApproximately(Math.Log(4), 1e-15);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_weights_and_pos_weight_matches_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(27, [4, 3]);
        var t = Inputs.Rand(28, [4, 3]);
        var posWeight = Torch.From(new[] { 1.0, 2.0, 0.5 });
        var weight = Inputs.Rand(29, [4, 3]);
        foreach (var (red, name) in Reductions)
        {
            TensorAssert.Close(F.BinaryCrossEntropyWithLogits(x, t, reduction: red), R($"bce_{name}"), Tol);
            TensorAssert.Close(F.BinaryCrossEntropyWithLogits(x, t, weight, posWeight, red), R($"bce_pw_{name}"), Tol);
        }
        // By hand: logit 0 against target 1 costs ln 2.
        F.BinaryCrossEntropyWithLogits(Torch.Zeros([1], DType.Float64), Torch.Ones([1], DType.Float64)).ToDouble().Should().BeApproximately(Math.Log(2), 1e-15);
    }

    [Fact]
    public void Smooth_l1_with_any_beta_including_zero_matches_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(30, [10]) * 2;
        var y = Inputs.Randn(31, [10]);
        foreach (var beta in new[] { 1.0, 0.5, 0.0 })
            foreach (var (red, name) in Reductions)
                TensorAssert.Close(F.SmoothL1Loss(x, y, red, beta), R($"sl1_{beta:0.0}_{name}"), Tol);
        // By hand with beta 1: |d| = 0.5 costs 0.5·0.5²/1 = 0.125, |d| = 3 costs 3 − 0.5 = 2.5.
        F.SmoothL1Loss(Torch.From(new[] { 0.5, 3 }), Torch.Zeros([2], DType.Float64), Reduction.None).ToArray<double>().Should().Equal(0.125, 2.5);
    }

    [Fact]
    public void L1_and_mse_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(30, [10]) * 2;
        var y = Inputs.Randn(31, [10]);
        foreach (var (red, name) in Reductions)
        {
            TensorAssert.Close(F.L1Loss(x, y, red), R($"l1_{name}"), Tol);
            TensorAssert.Close(F.MseLoss(x, y, red), R($"mse_{name}"), Tol);
        }
    }
}
