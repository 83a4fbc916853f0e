using Panoptic.Torch.NN.Modules;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.NN.Modules;

/// <summary>
/// Layers built right after <see cref="Torch.ManualSeed"/> hold PyTorch's default initialisation bit for bit
/// (Fixtures/Reference/NN/modules.py). Serial: the global generator is process-wide.
/// </summary>
[Collection(SerialCollection.Name)]
public class ModuleInitTests
{
    private static RefValue R(string name) => Reference.Of("NN/modules.py")[name];

    [Fact]
    public void Conv2d_with_groups_matches_nn_Conv2d_after_the_same_seed()
    {
        Torch.ManualSeed(3);
        using var m = new Conv2d(4, 6, 3, stride: 2, padding: 1, groups: 2);
        TensorAssert.Exact(m.Weight, R("conv_w"));
        TensorAssert.Exact(m.Bias!, R("conv_b"));
        m.Weight.RequiresGrad.Should().BeTrue();
    }

    [Fact]
    public void Linear_and_ConvTranspose2d_match_PyTorch_after_the_same_seed()
    {
        Torch.ManualSeed(4);
        using (var m = new Linear(12, 5))
        {
            TensorAssert.Exact(m.Weight, R("linear_w"));
            TensorAssert.Exact(m.Bias!, R("linear_b"));
        }
        Torch.ManualSeed(5);
        using (var m = new ConvTranspose2d(6, 4, 3, stride: 2, padding: 1, outputPadding: 1))
        {
            TensorAssert.Exact(m.Weight, R("convt_w"));
            TensorAssert.Exact(m.Bias!, R("convt_b"));
        }
    }

    [Fact]
    public void Consecutive_layers_continue_the_global_sequence_as_in_PyTorch()
    {
        Torch.ManualSeed(6);
        using var a = new Linear(7, 3, bias: false);
        using var b = new Conv2d(3, 8, 1);
        using var c = new Conv2d(8, 8, 3, bias: false);
        using var d = new Linear(3, 2, dtype: DType.Float64);
        a.Bias.Should().BeNull();
        TensorAssert.Exact(a.Weight, R("seq_linear_w"));
        TensorAssert.Exact(b.Weight, R("seq_conv_w"));
        TensorAssert.Exact(b.Bias!, R("seq_conv_b"));
        TensorAssert.Exact(c.Weight, R("seq_conv2_w"));
        TensorAssert.Exact(d.Weight, R("linear64_w"));
    }

    [Fact]
    public void Normalisation_layers_start_as_PyTorchs()
    {
        using var bn = new BatchNorm2d(5);
        using var gn = new GroupNorm(2, 6);
        foreach (var (name, t) in bn.StateDict()) TensorAssert.Exact(t, R("bn_init_" + name));
        foreach (var (name, t) in gn.StateDict()) TensorAssert.Exact(t, R("bn_init_gn." + name));
        bn.StateDict().Select(kv => kv.Key).Should().Equal("weight", "bias", "running_mean", "running_var", "num_batches_tracked");
    }
}
