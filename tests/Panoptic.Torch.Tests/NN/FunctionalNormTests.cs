using Panoptic.Torch.Tests.Support;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Torch.Tests.NN;

/// <summary>Normalisation layers and dropout against PyTorch (Fixtures/Reference/NN/functional.py).</summary>
public class FunctionalNormTests
{
    private const double Tol = 1e-12;

    private static RefValue R(string name) => Reference.Of("NN/functional.py")[name];

    /// <summary>x, running mean/var, weight, bias as functional.py builds them.</summary>
    private static (Tensor X, Tensor Rm, Tensor Rv, Tensor W, Tensor B) BnInputs() =>
        (Inputs.Randn(11, [4, 3, 5, 6]), Inputs.Randn(12, [3]), Inputs.Rand(13, [3]) + 0.5, Inputs.Randn(14, [3]), Inputs.Randn(15, [3]));

    [Fact]
    public void Batch_norm_in_training_normalises_by_batch_statistics_and_updates_the_running_ones()
    {
        using var scope = Torch.NewDisposeScope();
        var (x, rm, rv, w, b) = BnInputs();
        var y = F.BatchNorm(x, rm, rv, w, b, training: true, momentum: 0.2, eps: 1e-3);
        TensorAssert.Close(y, R("bn_train"), Tol, 1e-14);
        TensorAssert.Close(rm, R("bn_train_rm"), Tol, 1e-15);
        TensorAssert.Close(rv, R("bn_train_rv"), Tol);
        // The running variance takes the unbiased batch variance: rv' = 0.8 rv + 0.2 var(x, unbiased).
        var expected = (Inputs.Rand(13, [3]) + 0.5) * 0.8 + x.Var([0L, 2L, 3L]) * 0.2;
        TensorAssert.Close(rv, TensorAssert.Values(expected), 1e-12);
        TensorAssert.Close(F.BatchNorm(x, null, null, training: true), R("bn_noaffine"), Tol, 1e-14);
    }

    [Fact]
    public void Batch_norm_in_eval_uses_the_running_statistics_and_leaves_them_alone()
    {
        using var scope = Torch.NewDisposeScope();
        var (x, rm, rv, w, b) = BnInputs();
        var before = TensorAssert.Values(rm);
        var y = F.BatchNorm(x, rm, rv, w, b, training: false, eps: 1e-3);
        TensorAssert.Close(y, R("bn_eval"), Tol, 1e-14);
        TensorAssert.Values(rm).Should().Equal(before);
    }

    [Fact]
    public void Group_norm_and_layer_norm_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(16, [2, 6, 4, 5]);
        TensorAssert.Close(F.GroupNorm(x, 3, Inputs.Randn(17, [6]), Inputs.Randn(18, [6]), 1e-4), R("gn"), Tol, 1e-14);
        TensorAssert.Close(F.GroupNorm(x, 2), R("gn_noaffine"), Tol, 1e-14);
        TensorAssert.Close(F.LayerNorm(x, [4, 5], Inputs.Randn(19, [4, 5]), Inputs.Randn(20, [4, 5])), R("ln"), Tol, 1e-14);
        TensorAssert.Close(F.LayerNorm(x, [6, 4, 5], eps: 1e-3), R("ln_noaffine"), Tol, 1e-14);
    }

    [Fact]
    public void Dropout_with_p_zero_or_outside_training_is_the_identity()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Inputs.Randn(3, [4, 5]);
        var values = TensorAssert.Values(x);
        TensorAssert.Values(F.Dropout(x, 0, training: true)).Should().Equal(values);
        TensorAssert.Values(F.Dropout(x, 0.5, training: false)).Should().Equal(values);
        TensorAssert.Values(F.Dropout(x, 1, training: true)).Should().OnlyContain(v => v == 0);
    }
}
