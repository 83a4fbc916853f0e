using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Tensors;

/// <summary>Gather/scatter, masks and Python-style indexing against PyTorch (Fixtures/Reference/Tensors/index.py); x = wave(3, 4, 5).</summary>
public class IndexTests
{
    private static RefValue R(string name) => Reference.Of("Tensors/index.py")[name];

    private static Tensor X() => Inputs.Wave([3, 4, 5]);

    private static Tensor Long(params long[] v) => Torch.From(v);

    private static Tensor Mask() => X() > 0.3;

    [Fact]
    public void Index_select_gather_scatter_and_index_add_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        TensorAssert.Exact(x.IndexSelect(1, Long(2, 0, 2)), R("index_select"));
        var gidx = Torch.From(new long[] { 0, 1, 0, 2, 2, 2, 1, 0 }, 2, 4);
        TensorAssert.Exact(Inputs.Wave([3, 4]).Gather(0, gidx), R("gather"));
        var zeros = Torch.Zeros([3, 4], DType.Float64);
        TensorAssert.Exact(zeros.Scatter(0, gidx, Inputs.Wave([2, 4]) + 10), R("scatter"));
        TensorAssert.Exact(zeros.Scatter(1, Torch.From(new long[] { 1, 3, 0 }, 3, 1), 7.5), R("scatter_value"));
        var ones = Torch.Ones([3, 4], DType.Float64);
        TensorAssert.Exact(ones.ScatterAdd(0, Torch.From(new long[] { 0, 1, 0, 0, 0, 2, 1, 0 }, 2, 4), Inputs.Wave([2, 4])), R("scatter_add"));
        TensorAssert.Exact(Torch.Zeros([4, 2], DType.Float64).IndexAdd(0, Long(3, 0, 3), Inputs.Wave([3, 2])), R("index_add"));
        zeros.ToArray<double>().Should().OnlyContain(v => v == 0, "out-of-place scatter leaves its input alone");
    }

    [Fact]
    public void Masks_nonzero_and_where_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        var mask = Mask();
        mask.DType.Should().Be(DType.Bool);
        TensorAssert.Exact(x.MaskedSelect(mask), R("masked_select"));
        TensorAssert.Exact(x.MaskedFill(mask, -1.0), R("masked_fill"));
        TensorAssert.Exact(x.MaskedFill(Torch.From(new[] { true, false, true, false, true }), 2.0), R("masked_fill_row"));
        TensorAssert.Exact((Inputs.Wave([3, 4]) > 0.5).Nonzero(), R("nonzero"));
        var w = Inputs.Wave([3, 4]);
        TensorAssert.Exact(Torch.Where(w > 0, w, Inputs.Randn(2, [3, 4])), R("where"));
        TensorAssert.Exact(Torch.Where(w > 0, w, 0.25), R("where_scalar"));
    }

    [Fact]
    public void Integer_and_range_indices_follow_Python_slicing_with_hat_as_negative()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        TensorAssert.Exact(x[1], R("i_int"));
        TensorAssert.Exact(x[^1, 2], R("i_int_neg"));
        TensorAssert.Exact(x[-1, 2], R("i_int_neg"));
        TensorAssert.Exact(x[1..^1], R("i_range"));
        TensorAssert.Exact(x[TensorIndex.Colon, ..2], R("i_range_head"));
        TensorAssert.Exact(x[TensorIndex.Colon, ^2..], R("i_range_tail"));
        TensorAssert.Exact(x[TensorIndex.Slice(step: 2), TensorIndex.Colon, TensorIndex.Slice(1, null, 2)], R("i_step"));
        TensorAssert.Exact(x[3..], R("i_empty"));
        x[^0..].Shape.Should().Equal(0, 4, 5);
        x[0..].Shape.Should().Equal(3, 4, 5);
        ((Action)(() => x[^0].Dispose())).Should().Throw<TorchException>().WithMessage("*past the end*");
        ((Action)(() => x[3].Dispose())).Should().Throw<TorchException>().WithMessage("*index 3 is out of bounds*");
    }

    [Fact]
    public void NewAxis_ellipsis_masks_and_index_tensors_follow_Python_indexing()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        x[TensorIndex.NewAxis, 0].Shape.Should().Equal(R("i_none").Longs);
        TensorAssert.Exact(x[TensorIndex.Ellipsis, 0], R("i_ellipsis"));
        TensorAssert.Exact(x[0, TensorIndex.Ellipsis, -1], R("i_ellipsis_mid"));
        TensorAssert.Exact(x[Mask()], R("i_mask"));
        TensorAssert.Exact(x[Torch.From(new[] { true, false, true })], R("i_row_mask"));
        TensorAssert.Exact(x[Long(2, 0)], R("i_long"));
        TensorAssert.Exact(x[Long(0, 2), Long(1, 3)], R("i_long_pair"));
        TensorAssert.Exact(x[1.., Long(0, 3), 2], R("i_mixed"));
        x[true].Shape.Should().Equal(R("i_true").Longs);
    }

    [Fact]
    public void Assignment_through_the_indexer_writes_in_place()
    {
        using var scope = Torch.NewDisposeScope();
        var y = X();
        y[1.., 0] = Inputs.Randn(3, [2, 5]);
        TensorAssert.Exact(y, R("put_slice"));
        var m = X();
        m.IndexPut_([Mask()], 0.0);
        TensorAssert.Exact(m, R("put_mask"));
        var s = X();
        s.IndexPut_([TensorIndex.Ellipsis, ^1], 5.0);
        TensorAssert.Exact(s, R("put_scalar"));
    }

    [Fact]
    public void Index_put_with_index_tensors_replaces_or_accumulates_duplicates()
    {
        using var scope = Torch.NewDisposeScope();
        var acc = Torch.Zeros([5], DType.Float64);
        acc.IndexPut_([Long(0, 2, 0, 4, 0)], Torch.From(new[] { 1.0, 2, 3, 4, 5 }), accumulate: true);
        TensorAssert.Exact(acc, R("put_accumulate"));
        acc.ToArray<double>().Should().Equal(9, 0, 2, 0, 4);
        var plain = Torch.Zeros([5], DType.Float64);
        plain.IndexPut_([Long(1, 3)], Torch.From(new[] { 1.0, 2 }));
        TensorAssert.Exact(plain, R("put_plain"));
        var two = Torch.Zeros([3, 3], DType.Float64);
        two.IndexPut_([Long(0, 2, 0), Long(1, 1, 1)], Torch.From(new[] { 1.0, 2, 3 }), accumulate: true);
        TensorAssert.Exact(two, R("put_accumulate_2d"));
    }
}
