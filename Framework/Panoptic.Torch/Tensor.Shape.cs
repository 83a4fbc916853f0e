using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch;

// Views, permutations, splits: native/src/tensor_shape.cpp
public partial class Tensor
{
    public unsafe Tensor View(params long[] shape)
    {
        fixed (long* p = shape) return W(pn_tensor_view(Handle, p, shape.Length));
    }

    public unsafe Tensor Reshape(params long[] shape)
    {
        fixed (long* p = shape) return W(pn_tensor_reshape(Handle, p, shape.Length));
    }

    public unsafe Tensor Permute(params long[] dims)
    {
        fixed (long* p = dims) return W(pn_tensor_permute(Handle, p, dims.Length));
    }

    public Tensor Transpose(long dim0, long dim1) => W(pn_tensor_transpose(Handle, dim0, dim1));

    /// <summary>Transpose of a 2-D tensor.</summary>
    public Tensor T() => Transpose(0, 1);

    public Tensor Flatten(long startDim = 0, long endDim = -1) => W(pn_tensor_flatten(Handle, startDim, endDim));
    public Tensor Squeeze() => W(pn_tensor_squeeze(Handle));
    public Tensor Squeeze(long dim) => W(pn_tensor_squeeze_dim(Handle, dim));
    public Tensor Unsqueeze(long dim) => W(pn_tensor_unsqueeze(Handle, dim));

    /// <summary>Broadcasts size-1 dimensions to <paramref name="shape"/> without copying (-1 keeps a size).</summary>
    public unsafe Tensor Expand(params long[] shape)
    {
        fixed (long* p = shape) return W(pn_tensor_expand(Handle, p, shape.Length));
    }

    public unsafe Tensor Repeat(params long[] repeats)
    {
        fixed (long* p = repeats) return W(pn_tensor_repeat(Handle, p, repeats.Length));
    }

    public Tensor RepeatInterleave(long repeats, long dim) => W(pn_tensor_repeat_interleave(Handle, repeats, dim));

    public unsafe Tensor Flip(params long[] dims)
    {
        fixed (long* p = dims) return W(pn_tensor_flip(Handle, p, dims.Length));
    }

    public Tensor Roll(long shift, long dim) => W(pn_tensor_roll(Handle, shift, dim));
    public Tensor Contiguous() => W(pn_tensor_contiguous(Handle));
    public Tensor Narrow(long dim, long start, long length) => W(pn_tensor_narrow(Handle, dim, start, length));

    /// <summary><c>x[..., start:end:step, ...]</c> on one dimension; <c>long.MaxValue</c> as end means "to the end".</summary>
    public Tensor Slice(long dim, long start, long end = long.MaxValue, long step = 1) => W(pn_tensor_slice(Handle, dim, start, end, step));

    /// <summary><c>x.select(dim, index)</c>: removes the dimension.</summary>
    public Tensor Select(long dim, long index) => W(pn_tensor_select(Handle, dim, index));

    public unsafe Tensor AsStrided(long[] size, long[] stride, long storageOffset = 0)
    {
        if (size.Length != stride.Length) throw new TorchException($"as_strided: size has {size.Length} dims but stride has {stride.Length}");
        fixed (long* ps = size)
        fixed (long* pt = stride)
            return W(pn_tensor_as_strided(Handle, ps, pt, size.Length, storageOffset));
    }

    /// <summary>Pieces of <paramref name="splitSize"/> along <paramref name="dim"/> (the last may be smaller).</summary>
    public unsafe Tensor[] Split(long splitSize, long dim = 0)
    {
        if (splitSize <= 0) throw new TorchException($"split expects a positive split size, got {splitSize}");
        var n = Size((int)dim);
        return Collect(n == 0 ? 1 : (int)((n + splitSize - 1) / splitSize), (IntPtr* o, int cap) => pn_tensor_split(Handle, splitSize, dim, o, cap));
    }

    /// <summary>Pieces with the given sizes along <paramref name="dim"/>.</summary>
    public unsafe Tensor[] Split(long[] sizes, long dim = 0)
    {
        fixed (long* p = sizes)
        {
            var ps = p;
            return Collect(sizes.Length, (IntPtr* o, int cap) => pn_tensor_split_sizes(Handle, ps, sizes.Length, dim, o, cap));
        }
    }

    /// <summary>At most <paramref name="chunks"/> pieces along <paramref name="dim"/>.</summary>
    public unsafe Tensor[] Chunk(long chunks, long dim = 0) =>
        Collect((int)Math.Max(1, chunks), (IntPtr* o, int cap) => pn_tensor_chunk(Handle, chunks, dim, o, cap));

    /// <summary>Slices along <paramref name="dim"/>, each without that dimension.</summary>
    public unsafe Tensor[] Unbind(long dim = 0) =>
        Collect((int)Size((int)dim), (IntPtr* o, int cap) => pn_tensor_unbind(Handle, dim, o, cap));

    internal unsafe delegate int ListProducer(IntPtr* output, int capacity);

    internal static unsafe Tensor[] Collect(int capacity, ListProducer produce)
    {
        var buffer = new IntPtr[Math.Max(capacity, 1)];
        int n;
        fixed (IntPtr* o = buffer) n = Checked.Status(produce(o, buffer.Length));
        var result = new Tensor[n];
        for (var i = 0; i < n; i++) result[i] = new Tensor(buffer[i]);
        return result;
    }
}
