using Panoptic.Torch.NN;
using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.NN;

/// <summary><c>nn.init</c> against PyTorch's under the same global seed (serial: the generator is process-wide).</summary>
[Collection(SerialCollection.Name)]
public class InitTests
{
    private static RefValue R(string name) => Reference.Of("NN/modules.py")[name];

    [Fact]
    public void Initialisers_draw_PyTorchs_exact_values()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(8);
        TensorAssert.Exact(Init.KaimingUniform_(Torch.Empty([6, 4, 3, 3]), mode: "fan_out", nonlinearity: "relu"), R("kaiming_uniform_fan_out_relu"));
        TensorAssert.Exact(Init.KaimingNormal_(Torch.Empty([5, 7], DType.Float64), a: 0.1), R("kaiming_normal"));
        TensorAssert.Exact(Init.XavierUniform_(Torch.Empty([3, 8, 2, 2]), gain: 2.0), R("xavier_uniform"));
        TensorAssert.Exact(Init.Uniform_(Torch.Empty([4]), -3, 5), R("uniform"));
        TensorAssert.Exact(Init.Normal_(Torch.Empty([4]), 2, 0.5), R("normal"));
    }

    [Fact]
    public void Fans_and_gains_follow_PyTorchs_definitions()
    {
        using var w = Torch.Empty([6, 4, 3, 5]);
        Init.CalculateFanInAndFanOut(w).Should().Be((4L * 15, 6L * 15));
        new[] { Init.CalculateGain("linear"), Init.CalculateGain("relu"), Init.CalculateGain("tanh"), Init.CalculateGain("leaky_relu"), Init.CalculateGain("leaky_relu", 0.2), Init.CalculateGain("sigmoid") }
            .Should().Equal(R("gains").Values);
        using var v = Torch.Empty([3]);
        ((Action)(() => Init.CalculateFanInAndFanOut(v))).Should().Throw<TorchException>().WithMessage("*fewer than 2 dimensions*");
        using var p = Torch.Zeros([2, 2], requiresGrad: true);
        Init.Constant_(p, 0.25).ToArray<float>().Should().Equal(0.25f, 0.25f, 0.25f, 0.25f);
        p.IsLeaf.Should().BeTrue("initialisers do not record autograd history");
    }
}
