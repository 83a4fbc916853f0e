using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch;

// Indexing: native/src/tensor_index.cpp
public partial class Tensor
{
    /// <summary>Python-style indexing: <c>x[0, 1..3]</c>, <c>x[mask]</c>, <c>x[TensorIndex.Ellipsis, 0]</c>; assignment writes in place.</summary>
    public Tensor this[params TensorIndex[] indices]
    {
        get => Index(indices);
        set => IndexPut_(indices, value);
    }

    public unsafe Tensor Index(params TensorIndex[] indices)
    {
        var e = new Encoded(indices);
        fixed (int* k = e.Kinds) fixed (long* s = e.Starts) fixed (long* t = e.Stops) fixed (long* st = e.Steps)
        fixed (int* h = e.Has) fixed (IntPtr* ts = e.Tensors)
        {
            var r = W(pn_tensor_index(Handle, k, s, t, st, h, ts, indices.Length));
            GC.KeepAlive(indices);
            return r;
        }
    }

    /// <summary><c>x[indices] = value</c> (in place).</summary>
    public unsafe Tensor IndexPut_(TensorIndex[] indices, Tensor value)
    {
        var e = new Encoded(indices);
        fixed (int* k = e.Kinds) fixed (long* s = e.Starts) fixed (long* t = e.Stops) fixed (long* st = e.Steps)
        fixed (int* h = e.Has) fixed (IntPtr* ts = e.Tensors)
        {
            InPlace(pn_tensor_index_put_(Handle, k, s, t, st, h, ts, indices.Length, value.Handle));
            GC.KeepAlive(indices);
            return this;
        }
    }

    /// <summary><c>x[indices] = value</c> (in place) with a number.</summary>
    public unsafe Tensor IndexPut_(TensorIndex[] indices, Scalar value)
    {
        var e = new Encoded(indices);
        fixed (int* k = e.Kinds) fixed (long* s = e.Starts) fixed (long* t = e.Stops) fixed (long* st = e.Steps)
        fixed (int* h = e.Has) fixed (IntPtr* ts = e.Tensors)
        {
            InPlace(pn_tensor_index_put_scalar_(Handle, k, s, t, st, h, ts, indices.Length, value));
            GC.KeepAlive(indices);
            return this;
        }
    }

    /// <summary><c>x.index_put_((i0, i1, ...), values, accumulate)</c> with one index tensor per leading dimension.</summary>
    public unsafe Tensor IndexPut_(IReadOnlyList<Tensor> indices, Tensor values, bool accumulate = false)
    {
        var h = Torch.Handles(indices);
        fixed (IntPtr* p = h) InPlace(pn_tensor_index_put_tensors_(Handle, p, h.Length, values.Handle, accumulate ? 1 : 0));
        GC.KeepAlive(indices);
        return this;
    }

    public Tensor IndexSelect(long dim, Tensor index) => W(pn_tensor_index_select(Handle, dim, index.Handle));
    public Tensor Gather(long dim, Tensor index) => W(pn_tensor_gather(Handle, dim, index.Handle));
    public Tensor Scatter(long dim, Tensor index, Tensor source) => W(pn_tensor_scatter(Handle, dim, index.Handle, source.Handle));
    public Tensor Scatter(long dim, Tensor index, Scalar value) => W(pn_tensor_scatter_value(Handle, dim, index.Handle, value));
    public Tensor ScatterAdd(long dim, Tensor index, Tensor source) => W(pn_tensor_scatter_add(Handle, dim, index.Handle, source.Handle));
    public Tensor IndexAdd(long dim, Tensor index, Tensor source) => W(pn_tensor_index_add(Handle, dim, index.Handle, source.Handle));
    public Tensor MaskedSelect(Tensor mask) => W(pn_tensor_masked_select(Handle, mask.Handle));
    public Tensor MaskedFill(Tensor mask, Scalar value) => W(pn_tensor_masked_fill(Handle, mask.Handle, value));
    public Tensor MaskedFill(Tensor mask, Tensor value) => W(pn_tensor_masked_fill_tensor(Handle, mask.Handle, value.Handle));
    public Tensor MaskedFill_(Tensor mask, Scalar value) => InPlace(pn_tensor_masked_fill_(Handle, mask.Handle, value));

    /// <summary>Indices of non-zero elements, shape (n, dim).</summary>
    public Tensor Nonzero() => W(pn_tensor_nonzero(Handle));

    /// <summary>The index arrays as the shim takes them.</summary>
    private readonly struct Encoded
    {
        public readonly int[] Kinds;
        public readonly long[] Starts, Stops, Steps;
        public readonly int[] Has;
        public readonly IntPtr[] Tensors;

        public Encoded(TensorIndex[] indices)
        {
            var n = Math.Max(indices.Length, 1);
            Kinds = new int[n];
            Starts = new long[n];
            Stops = new long[n];
            Steps = new long[n];
            Has = new int[n];
            Tensors = new IntPtr[n];
            for (var i = 0; i < indices.Length; i++)
            {
                var x = indices[i];
                Kinds[i] = (int)x.Kind;
                Starts[i] = x.Start;
                Stops[i] = x.Stop;
                Steps[i] = x.Step;
                Has[i] = x.Has;
                if (x.Tensor is { } t)
                {
                    if (t.IsDisposed) throw new ObjectDisposedException($"index tensor {i}");
                    Tensors[i] = t.Handle.DangerousGetHandle();
                }
            }
        }
    }
}
