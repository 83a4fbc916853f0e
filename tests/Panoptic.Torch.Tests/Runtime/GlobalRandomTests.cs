using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Runtime;

/// <summary><see cref="Torch.ManualSeed"/> seeds the same global CPU generator as <c>torch.manual_seed</c>.</summary>
[Collection(SerialCollection.Name)]
public class GlobalRandomTests
{
    private static RefValue R(string name) => Reference.Of("Tensors/creation.py")[name];

    [Fact]
    public void ManualSeed_then_random_ops_give_PyTorchs_bit_identical_sequence()
    {
        Torch.ManualSeed(0);
        using var randn = Torch.Randn([2, 3]);
        using var rand = Torch.Rand([4]);
        using var randint = Torch.Randint(0, 100, [6]);
        using var randperm = Torch.Randperm(8);
        using var randn64 = Torch.Randn([3], DType.Float64);
        TensorAssert.Exact(randn, R("ms_randn"));
        TensorAssert.Exact(rand, R("ms_rand"));
        TensorAssert.Exact(randint, R("ms_randint"));
        TensorAssert.Exact(randperm, R("ms_randperm"));
        TensorAssert.Exact(randn64, R("ms_randn64"));

        Torch.ManualSeed(123);
        using var big = Torch.Randn([1000]);
        TensorAssert.Exact(big, R("ms_randn_big"));
    }

    [Fact]
    public void Default_generator_state_can_be_saved_and_restored()
    {
        Torch.ManualSeed(77);
        using var state = Generator.GetDefaultState();
        using var a = Torch.Rand([5]);
        Generator.SetDefaultState(state);
        using var b = Torch.Rand([5]);
        b.ToArray<float>().Should().Equal(a.ToArray<float>());
    }
}
