using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Tensors;

/// <summary>Constant fills, ranges and seeded random numbers against PyTorch (Fixtures/Reference/Tensors/creation.py).</summary>
public class CreationTests
{
    private static RefValue R(string name) => Reference.Of("Tensors/creation.py")[name];

    [Fact]
    public void Zeros_ones_and_full_fill_with_the_value_in_the_requested_or_inferred_dtype()
    {
        using var z = Torch.Zeros([2, 3], DType.Int32);
        z.DType.Should().Be(DType.Int32);
        z.ToArray<int>().Should().Equal(0, 0, 0, 0, 0, 0);
        using var o = Torch.Ones([2], DType.Float64);
        o.ToArray<double>().Should().Equal(1.0, 1.0);
        using var fi = Torch.Full([2, 2], 7);
        TensorAssert.Exact(fi, R("full_int"));
        using var fb = Torch.Full([1], true);
        fb.DType.Should().Be(DType.Bool);
        using var fe = Torch.Full([2], 7, DType.Float64);
        fe.ToArray<double>().Should().Equal(7.0, 7.0);
        using var ff = Torch.Full([3], 2.5);
        TensorAssert.Exact(ff, R("full_float"));
        using var like = Torch.FullLike(ff, -1);
        like.DType.Should().Be(DType.Float32);
        like.ToArray<float>().Should().Equal(-1f, -1f, -1f);
        using var zl = Torch.ZerosLike(fi);
        zl.DType.Should().Be(DType.Int64);
        zl.ToArray<long>().Should().Equal(0, 0, 0, 0);
    }

    [Fact]
    public void Arange_infers_int64_from_integers_and_float32_from_fractions_as_PyTorch()
    {
        using var i = Torch.Arange(2, 11, 3);
        TensorAssert.Exact(i, R("arange_int"));
        using var f = Torch.Arange(0, 1, 0.1);
        TensorAssert.Exact(f, R("arange_float"));
        f.Numel.Should().Be(10);
        using var neg = Torch.Arange(5, -4, -2.5, DType.Float64);
        TensorAssert.Exact(neg, R("arange_neg"));
        using var n = Torch.Arange(4);
        n.ToArray<long>().Should().Equal(0, 1, 2, 3);
    }

    [Fact]
    public void Linspace_and_eye_match_PyTorch()
    {
        using var l64 = Torch.Linspace(-1, 1, 7, DType.Float64);
        TensorAssert.Exact(l64, R("linspace64"));
        using var l32 = Torch.Linspace(0, 1, 5);
        TensorAssert.Exact(l32, R("linspace32"));
        l32.ToArray<float>().Should().Equal(0f, 0.25f, 0.5f, 0.75f, 1f);
        using var eye = Torch.Eye(2, 4);
        TensorAssert.Exact(eye, R("eye"));
        using var sq = Torch.Eye(3, dtype: DType.Int64);
        sq.ToArray<long>().Should().Equal(1, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    [Fact]
    public void A_seeded_generator_gives_PyTorchs_exact_random_numbers()
    {
        using (var g = new Generator(7))
        using (var r = Torch.Rand([3, 4], generator: g))
            TensorAssert.Exact(r, R("rand_g"));
        using (var g = new Generator(7))
        using (var r = Torch.Randn([3, 4], generator: g))
            TensorAssert.Exact(r, R("randn_g"));
        using (var g = new Generator(7))
        using (var r = Torch.Randn([5, 7], DType.Float64, generator: g))
            TensorAssert.Exact(r, R("randn_g64"));
        using (var g = new Generator(11))
        using (var r = Torch.Randn([37], generator: g))
            TensorAssert.Exact(r, R("randn_g_odd"));
        using (var g = new Generator(7))
        using (var r = Torch.Randint(0, 10, [20], generator: g))
            TensorAssert.Exact(r, R("randint_g"));
        using (var g = new Generator(8))
        using (var r = Torch.Randint(-5, 5, [3, 3], generator: g))
            TensorAssert.Exact(r, R("randint_g_neg"));
        using (var g = new Generator(7))
        using (var r = Torch.Randperm(10, g))
            TensorAssert.Exact(r, R("randperm_g"));
        using (var g = new Generator(3))
        using (var r = Torch.Randperm(100, g))
        {
            TensorAssert.Exact(r, R("randperm_g_big"));
            r.ToArray<long>().Order().Should().Equal(Enumerable.Range(0, 100).Select(v => (long)v));
        }
    }

    [Fact]
    public void Successive_draws_continue_the_generators_sequence_as_PyTorch()
    {
        using var g = new Generator(5);
        using var a = Torch.Randn([5], generator: g);
        using var b = Torch.Rand([3], generator: g);
        using var c = Torch.Randint(0, 1000, [4], generator: g);
        TensorAssert.Exact(a, R("seq_randn"));
        TensorAssert.Exact(b, R("seq_rand"));
        TensorAssert.Exact(c, R("seq_randint"));

        using var g9 = new Generator(9);
        using var u = Torch.Empty([2, 3]).Uniform_(-2, 3, g9);
        using var n = Torch.Empty([6], DType.Float64).Normal_(1.5, 0.25, g9);
        TensorAssert.Exact(u, R("uniform_"));
        TensorAssert.Exact(n, R("normal_"));
    }

    [Fact]
    public void Generator_state_round_trips_and_reseeding_restarts_the_sequence()
    {
        using var g = new Generator(42);
        using var state = g.GetState();
        using var first = Torch.Randn([8], generator: g);
        g.SetState(state);
        using var again = Torch.Randn([8], generator: g);
        again.ToArray<float>().Should().Equal(first.ToArray<float>());
        g.ManualSeed(42);
        using var reseeded = Torch.Randn([8], generator: g);
        reseeded.ToArray<float>().Should().Equal(first.ToArray<float>());
        using var other = Torch.Randn([8], generator: g);
        other.ToArray<float>().Should().NotEqual(first.ToArray<float>());
    }
}
