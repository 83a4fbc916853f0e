using Panoptic.Torch.NN.Modules;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.NN.Modules;

/// <summary>BatchNorm2d, GroupNorm and FrozenBatchNorm2d modules with loaded state against PyTorch/torchvision.</summary>
public class NormalizationModuleTests
{
    private const double Tol = 1e-6;

    private static RefValue R(string name) => Reference.Of("NN/modules.py")[name];

    private static Tensor X() => Inputs.Randn(1, [4, 3, 5, 5], DType.Float32);

    private static List<KeyValuePair<string, Tensor>> BnState(DType dtype) =>
    [
        new("weight", Inputs.Randn(2, [3], dtype)),
        new("bias", Inputs.Randn(3, [3], dtype)),
        new("running_mean", Inputs.Randn(4, [3], dtype)),
        new("running_var", Inputs.Rand(5, [3], dtype) + 0.5),
    ];

    [Fact]
    public void BatchNorm2d_trains_with_batch_statistics_counts_batches_and_evaluates_with_running_ones()
    {
        using var scope = Torch.NewDisposeScope();
        using var bn = new BatchNorm2d(3, momentum: 0.3);
        bn.LoadStateDict(BnState(DType.Float32).Append(new("num_batches_tracked", Torch.Zeros([], DType.Int64))));
        var x = X();
        TensorAssert.Close(bn.Forward(x), R("bn_train_out"), Tol, 1e-6);
        TensorAssert.Close(bn.Forward(x * 2), R("bn_train_out2"), Tol, 1e-6);
        foreach (var (name, t) in bn.StateDict()) TensorAssert.Close(t, R("bn_after_" + name), Tol, 1e-7);
        bn.StateDict().Single(kv => kv.Key == "num_batches_tracked").Value.ToInt64().Should().Be(2);
        bn.Eval();
        TensorAssert.Close(bn.Forward(x), R("bn_eval_out"), Tol, 1e-6);
        bn.StateDict().Single(kv => kv.Key == "num_batches_tracked").Value.ToInt64().Should().Be(2, "eval does not count batches");
    }

    [Fact]
    public void GroupNorm_module_matches_nn_GroupNorm()
    {
        using var scope = Torch.NewDisposeScope();
        using var gn = new GroupNorm(3, 3, eps: 1e-3);
        gn.LoadStateDict([new("weight", Inputs.Randn(6, [3], DType.Float32)), new("bias", Inputs.Randn(7, [3], DType.Float32))]);
        TensorAssert.Close(gn.Forward(X()), R("gn_out"), Tol, 1e-6);
    }

    [Fact]
    public void FrozenBatchNorm2d_matches_torchvision_in_float32_and_float64()
    {
        using var scope = Torch.NewDisposeScope();
        using var fb = new FrozenBatchNorm2d(3);
        fb.LoadStateDict(BnState(DType.Float32));
        fb.StateDict().Select(kv => kv.Key).Should().Equal("weight", "bias", "running_mean", "running_var");
        TensorAssert.Close(fb.Forward(X()), R("frozen_out"), Tol, 1e-6);
        using var fb64 = new FrozenBatchNorm2d(3, eps: 1e-3);
        fb64.To(Device.Cpu, DType.Float64);
        fb64.LoadStateDict(BnState(DType.Float64));
        TensorAssert.Close(fb64.Forward(Inputs.Randn(1, [4, 3, 5, 5])), R("frozen64_out"), 1e-14, 1e-15);
        fb.Parameters().Should().BeEmpty("frozen statistics are buffers, never trained");
    }
}
