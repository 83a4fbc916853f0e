using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Tensors;

/// <summary>Views, permutations, joins and splits against PyTorch (Fixtures/Reference/Tensors/shape.py); x = wave(2, 3, 4).</summary>
public class ShapeTests
{
    private static RefValue R(string name) => Reference.Of("Tensors/shape.py")[name];

    private static Tensor X() => Inputs.Wave([2, 3, 4]);

    [Fact]
    public void View_and_reshape_keep_row_major_order_and_view_shares_storage()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        TensorAssert.Exact(x.View(4, 6), R("view"));
        TensorAssert.Exact(x.View(-1, 2), R("view_infer"));
        TensorAssert.Exact(x.Transpose(0, 2).Reshape(6, 4), R("reshape_t"));
        var v = x.View(24);
        v[0] = Torch.Scalar(100, DType.Float64);
        x[0, 0, 0].ToDouble().Should().Be(100, "a view shares its base's storage");
        ((Action)(() => x.Transpose(0, 2).View(24))).Should().Throw<TorchException>().WithMessage("*view size is not compatible*");
    }

    [Fact]
    public void Permute_transpose_flatten_squeeze_and_unsqueeze_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        TensorAssert.Exact(x.Permute(2, 0, 1), R("permute"));
        TensorAssert.Exact(x.Transpose(1, 2), R("transpose"));
        TensorAssert.Exact(x.Flatten(1), R("flatten"));
        TensorAssert.Exact(x.Flatten(), R("flatten_all"));
        var y = Inputs.Wave([1, 3, 1, 2]);
        TensorAssert.Exact(y.Squeeze(), R("squeeze"));
        TensorAssert.Exact(y.Squeeze(2), R("squeeze_dim"));
        x.Unsqueeze(-1).Shape.Should().Equal(R("unsqueeze").Longs);
        x.Unsqueeze(0).Shape.Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public void Expand_and_repeat_match_PyTorch_and_expand_does_not_copy()
    {
        using var scope = Torch.NewDisposeScope();
        var e = Inputs.Wave([3, 1]).Expand(3, 4);
        TensorAssert.Exact(e, R("expand"));
        e.Strides.Should().Equal(1, 0);
        TensorAssert.Exact(Inputs.Wave([1, 2]).Expand(3, -1), R("expand_keep"));
        TensorAssert.Exact(Inputs.Wave([2, 3]).Repeat(2, 1, 2), R("repeat"));
        TensorAssert.Exact(Inputs.Wave([2, 2]).RepeatInterleave(3, 0), R("repeat_interleave"));
    }

    [Fact]
    public void Cat_and_stack_join_along_the_given_dimension()
    {
        using var scope = Torch.NewDisposeScope();
        var a = Inputs.Wave([2, 3]);
        var b = Inputs.Randn(1, [1, 3]);
        TensorAssert.Exact(Torch.Cat([a, b], 0), R("cat0"));
        TensorAssert.Exact(Torch.Cat([a, Inputs.Wave([2, 1])], 1), R("cat1"));
        TensorAssert.Exact(Torch.Stack([a, a * 2], 0), R("stack0"));
        TensorAssert.Exact(Torch.Stack([a, a * 2], -1), R("stack_last"));
    }

    [Fact]
    public void Split_chunk_and_unbind_return_PyTorchs_pieces()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        var s = x.Split(2, 2);
        s.Should().HaveCount(2);
        for (var i = 0; i < s.Length; i++) TensorAssert.Exact(s[i], R($"split2_{i}"));
        var sizes = x.Split([1L, 2L], 1);
        sizes.Should().HaveCount(2);
        for (var i = 0; i < sizes.Length; i++) TensorAssert.Exact(sizes[i], R($"split_sizes_{i}"));
        var c = Inputs.Wave([5, 2]).Chunk(3, 0);
        c.Should().HaveCount((int)R("chunk_count").Scalar);
        for (var i = 0; i < c.Length; i++) TensorAssert.Exact(c[i], R($"chunk_{i}"));
        var u = x.Unbind(1);
        u.Should().HaveCount(3);
        for (var i = 0; i < u.Length; i++) TensorAssert.Exact(u[i], R($"unbind_{i}"));
        ((Action)(() => x.Split([1L, 1L], 1))).Should().Throw<TorchException>().WithMessage("*split_with_sizes*");
    }

    [Fact]
    public void Narrow_slice_select_flip_roll_and_contiguous_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        TensorAssert.Exact(x.Narrow(2, 1, 2), R("narrow"));
        TensorAssert.Exact(x.Slice(2, 1, step: 2), R("slice_step"));
        TensorAssert.Exact(x.Slice(1, -2).Slice(2, 0, 3), R("slice_neg"));
        TensorAssert.Exact(x.Select(1, 2), R("select"));
        TensorAssert.Exact(x.Flip(0, 2), R("flip"));
        TensorAssert.Exact(Inputs.Wave([2, 5]).Roll(2, 1), R("roll"));
        var t = x.Permute(2, 0, 1);
        t.IsContiguous.Should().BeFalse();
        var c = t.Contiguous();
        c.IsContiguous.Should().BeTrue();
        c.Strides.Should().Equal(6, 3, 1);
        TensorAssert.Exact(c, R("permute"));
    }
}
