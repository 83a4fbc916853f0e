using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch;

// Reductions, extrema, sorting: native/src/tensor_reduce.cpp
public partial class Tensor
{
    /// <summary>Sum of all elements; <paramref name="dtype"/> accumulates and returns in that type.</summary>
    public Tensor Sum(DType? dtype = null) => W(pn_tensor_sum(Handle, dtype.HasValue ? (int)dtype.Value : -1));

    /// <summary>Sum over <paramref name="dims"/>.</summary>
    public unsafe Tensor Sum(ReadOnlySpan<long> dims, bool keepdim = false, DType? dtype = null)
    {
        fixed (long* p = dims) return W(pn_tensor_sum_dims(Handle, p, dims.Length, keepdim ? 1 : 0, dtype.HasValue ? (int)dtype.Value : -1));
    }

    public Tensor Sum(long dim, bool keepdim = false) => Sum([dim], keepdim);

    /// <summary>
    /// Sum over <paramref name="dim"/>. This overload exists so that <c>x.Sum(0)</c> sums over dimension 0: without it
    /// the literal 0 converts to <c>DType.UInt8</c> and C# picks <see cref="Sum(DType?)"/>, a whole-tensor uint8 sum.
    /// </summary>
    public Tensor Sum(int dim, bool keepdim = false) => Sum([(long)dim], keepdim);

    public Tensor Mean() => W(pn_tensor_mean(Handle));

    public unsafe Tensor Mean(ReadOnlySpan<long> dims, bool keepdim = false)
    {
        fixed (long* p = dims) return W(pn_tensor_mean_dims(Handle, p, dims.Length, keepdim ? 1 : 0));
    }

    public Tensor Mean(long dim, bool keepdim = false) => Mean([dim], keepdim);

    public Tensor Prod() => W(pn_tensor_prod(Handle));

    public unsafe Tensor Var(ReadOnlySpan<long> dims, bool unbiased = true, bool keepdim = false)
    {
        fixed (long* p = dims) return W(pn_tensor_var_dims(Handle, p, dims.Length, unbiased ? 1 : 0, keepdim ? 1 : 0));
    }

    public unsafe Tensor Std(ReadOnlySpan<long> dims, bool unbiased = true, bool keepdim = false)
    {
        fixed (long* p = dims) return W(pn_tensor_std_dims(Handle, p, dims.Length, unbiased ? 1 : 0, keepdim ? 1 : 0));
    }

    /// <summary>p-norm of all elements (<c>torch.norm(x, p)</c>).</summary>
    public Tensor Norm(double p = 2) => W(pn_tensor_norm(Handle, p));

    public Tensor Max() => W(pn_tensor_max(Handle));
    public Tensor Min() => W(pn_tensor_min(Handle));

    /// <summary>Maximum along <paramref name="dim"/> with the index where it occurs.</summary>
    public (Tensor Values, Tensor Indices) Max(long dim, bool keepdim = false)
    {
        var values = W(pn_tensor_max_dim(Handle, dim, keepdim ? 1 : 0, out var indices));
        return (values, new Tensor(indices));
    }

    /// <summary>Minimum along <paramref name="dim"/> with the index where it occurs.</summary>
    public (Tensor Values, Tensor Indices) Min(long dim, bool keepdim = false)
    {
        var values = W(pn_tensor_min_dim(Handle, dim, keepdim ? 1 : 0, out var indices));
        return (values, new Tensor(indices));
    }

    public Tensor Argmax(long? dim = null, bool keepdim = false) => W(pn_tensor_argmax(Handle, dim ?? 0, dim.HasValue ? 1 : 0, keepdim ? 1 : 0));
    public Tensor Argmin(long? dim = null, bool keepdim = false) => W(pn_tensor_argmin(Handle, dim ?? 0, dim.HasValue ? 1 : 0, keepdim ? 1 : 0));

    /// <summary>The <paramref name="k"/> largest (or smallest) elements along <paramref name="dim"/> and their indices.</summary>
    public (Tensor Values, Tensor Indices) Topk(long k, long dim = -1, bool largest = true, bool sorted = true)
    {
        var values = W(pn_tensor_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, out var indices));
        return (values, new Tensor(indices));
    }

    /// <summary>Sorted values and the permutation; <paramref name="stable"/> keeps the order of equal elements.</summary>
    public (Tensor Values, Tensor Indices) Sort(long dim = -1, bool descending = false, bool stable = false)
    {
        var values = W(pn_tensor_sort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0, out var indices));
        return (values, new Tensor(indices));
    }

    public Tensor Argsort(long dim = -1, bool descending = false, bool stable = false) =>
        W(pn_tensor_argsort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0));

    public Tensor Any() => W(pn_tensor_any(Handle));
    public Tensor All() => W(pn_tensor_all(Handle));
    public Tensor Any(long dim, bool keepdim = false) => W(pn_tensor_any_dim(Handle, dim, keepdim ? 1 : 0));
    public Tensor All(long dim, bool keepdim = false) => W(pn_tensor_all_dim(Handle, dim, keepdim ? 1 : 0));
    public Tensor Cumsum(long dim, DType? dtype = null) => W(pn_tensor_cumsum(Handle, dim, dtype.HasValue ? (int)dtype.Value : -1));
    public Tensor CountNonzero() => W(pn_tensor_count_nonzero(Handle));
    /// <summary>Distinct elements (sorted ascending when <paramref name="sorted"/>).</summary>
    public Tensor Unique(bool sorted = true) => W(pn_tensor_unique(Handle, sorted ? 1 : 0));
}
