using Panoptic.Torch.Tests.Support;

namespace Panoptic.Torch.Tests.Tensors;

/// <summary>Reductions, extrema with indices, top-k, sorting and scans against PyTorch (Fixtures/Reference/Tensors/reduce.py).</summary>
public class ReduceTests
{
    private const double Tol = 1e-12;

    private static RefValue R(string name) => Reference.Of("Tensors/reduce.py")[name];

    private static Tensor X() => Inputs.Randn(1, [3, 4, 5]);

    [Fact]
    public void Sums_means_and_moments_over_dims_with_keepdim_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        TensorAssert.Close(x.Sum(), R("sum"), Tol);
        TensorAssert.Close(x.Sum([0L, 2L]), R("sum_dims"), Tol);
        TensorAssert.Close(x.Sum(1, keepdim: true), R("sum_keep"), Tol);
        TensorAssert.Exact(Torch.Arange(10).Reshape(2, 5).Sum(1), R("sum_int"));
        TensorAssert.Exact(Torch.Arange(0, 10, 1, DType.Float32).Sum(DType.Float64), R("sum_as_f64"));
        TensorAssert.Close(x.Mean(), R("mean"), Tol);
        TensorAssert.Close(x.Mean([1L, 2L], keepdim: true), R("mean_dims"), Tol);
        TensorAssert.Close(x.Mean(-1), R("mean_dim"), Tol);
        TensorAssert.Close(x[0, 0].Prod(), R("prod"), Tol);
        TensorAssert.Close(x.Var([0L, 2L]), R("var"), Tol);
        TensorAssert.Close(x.Var([1L], unbiased: false, keepdim: true), R("var_biased_keep"), Tol);
        TensorAssert.Close(x.Std([2L]), R("std"), Tol);
        TensorAssert.Close(x.Norm(), R("norm2"), Tol);
        TensorAssert.Close(x.Norm(1), R("norm1"), Tol);
        // x.Sum(0) is a sum over dimension 0 (the literal 0 must not pick Sum(DType.UInt8)).
        var byRows = Torch.From(new float[] { 100, 200, 50, 60 }, 2, 2).Sum(0);
        byRows.DType.Should().Be(DType.Float32);
        byRows.ToArray<float>().Should().Equal(150, 260);
        // By hand: 1 + 2 + ... + 6 = 21; the mean of [[1, 2], [3, 4]] over rows is [2, 3].
        Torch.Arange(1, 7).Sum().ToInt64().Should().Be(21);
        Torch.From(new[] { 1.0, 2, 3, 4 }, 2, 2).Mean(0).ToArray<double>().Should().Equal(2, 3);
    }

    [Fact]
    public void Max_and_min_return_values_and_indices()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        TensorAssert.Exact(x.Max(), R("max"));
        TensorAssert.Exact(x.Min(), R("min"));
        var (v, i) = x.Max(1);
        TensorAssert.Exact(v, R("max_dim_v"));
        TensorAssert.Exact(i, R("max_dim_i"));
        var (mv, mi) = x.Min(2, keepdim: true);
        TensorAssert.Exact(mv, R("min_dim_v"));
        TensorAssert.Exact(mi, R("min_dim_i"));
        TensorAssert.Exact(x.Argmax(), R("argmax"));
        TensorAssert.Exact(x.Argmax(2), R("argmax_dim"));
        TensorAssert.Exact(x.Argmin(0, keepdim: true), R("argmin_keep"));
    }

    [Fact]
    public void Topk_returns_the_k_largest_or_smallest_with_indices()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        var (v, i) = x.Topk(3);
        TensorAssert.Exact(v, R("topk_v"));
        TensorAssert.Exact(i, R("topk_i"));
        var (sv, si) = x.Topk(2, dim: 0, largest: false);
        TensorAssert.Exact(sv, R("topk_small_v"));
        TensorAssert.Exact(si, R("topk_small_i"));
    }

    [Fact]
    public void Sort_and_argsort_match_PyTorch_and_stable_keeps_the_order_of_ties()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        var (v, i) = x.Sort(1);
        TensorAssert.Exact(v, R("sort_v"));
        TensorAssert.Exact(i, R("sort_i"));
        var (dv, di) = x.Sort(-1, descending: true);
        TensorAssert.Exact(dv, R("sort_desc_v"));
        TensorAssert.Exact(di, R("sort_desc_i"));
        TensorAssert.Exact(x.Argsort(0), R("argsort"));
        var ties = Torch.From(Enumerable.Repeat(new long[] { 3, 1, 2, 1, 3, 1, 2, 0, 3, 1 }, 5).SelectMany(a => a).ToArray());
        var (_, stable) = ties.Sort(stable: true);
        TensorAssert.Exact(stable, R("sort_stable_i"));
        TensorAssert.Exact(ties.Argsort(descending: true, stable: true), R("argsort_stable_desc"));
        // Stability by hand: equal keys keep ascending positions.
        var order = stable.ToArray<long>();
        var keys = ties.ToArray<long>();
        for (var k = 1; k < order.Length; k++)
            if (keys[order[k]] == keys[order[k - 1]]) order[k].Should().BeGreaterThan(order[k - 1]);
    }

    [Fact]
    public void Any_all_cumsum_count_and_unique_match_PyTorch()
    {
        using var scope = Torch.NewDisposeScope();
        var x = X();
        var b = x > 0.5;
        TensorAssert.Exact(b.Any(), R("any"));
        TensorAssert.Exact(b.All(), R("all"));
        TensorAssert.Exact(b.Any(1), R("any_dim"));
        TensorAssert.Exact((x > -2).All(2, keepdim: true), R("all_dim_keep"));
        TensorAssert.Close(x.Cumsum(2), R("cumsum"), Tol);
        TensorAssert.Exact(Torch.Arange(6).Cumsum(0), R("cumsum_int"));
        TensorAssert.Exact((x > 0).CountNonzero(), R("count_nonzero"));
        TensorAssert.Exact(Torch.From(new long[] { 3, 1, 2, 3, 1, 7 }).Unique(), R("unique"));
    }
}
