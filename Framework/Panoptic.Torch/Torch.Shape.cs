using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch;

// Joins and multi-tensor ops: native/src/tensor_shape.cpp, tensor_index.cpp
public static partial class Torch
{
    /// <summary>Raw handles of <paramref name="tensors"/>; the caller keeps the tensors alive across the native call.</summary>
    internal static IntPtr[] Handles(IReadOnlyList<Tensor> tensors)
    {
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++)
        {
            var t = tensors[i] ?? throw new ArgumentNullException(nameof(tensors), $"tensor {i} of the list is null");
            if (t.IsDisposed) throw new ObjectDisposedException($"tensor {i} of the list");
            handles[i] = t.Handle.DangerousGetHandle();
        }
        return handles;
    }

    /// <summary>Concatenates along an existing dimension (<c>torch.cat</c>).</summary>
    public static unsafe Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var h = Handles(tensors);
        Tensor r;
        fixed (IntPtr* p = h) r = Checked.Wrap(pn_tensor_cat(p, h.Length, dim));
        GC.KeepAlive(tensors);
        return r;
    }

    /// <summary>Stacks along a new dimension (<c>torch.stack</c>).</summary>
    public static unsafe Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var h = Handles(tensors);
        Tensor r;
        fixed (IntPtr* p = h) r = Checked.Wrap(pn_tensor_stack(p, h.Length, dim));
        GC.KeepAlive(tensors);
        return r;
    }

    /// <summary>Elementwise choice (<c>torch.where(cond, a, b)</c>).</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b) => Checked.Wrap(pn_tensor_where(condition.Handle, a.Handle, b.Handle));

    public static Tensor Where(Tensor condition, Tensor a, Scalar b) => Checked.Wrap(pn_tensor_where_scalar(condition.Handle, a.Handle, b));

    /// <summary><c>torch.meshgrid(*tensors, indexing="ij")</c>.</summary>
    public static unsafe Tensor[] Meshgrid(IReadOnlyList<Tensor> tensors)
    {
        var h = Handles(tensors);
        Tensor[] r;
        fixed (IntPtr* p = h)
        {
            var pp = p;
            r = Tensor.Collect(h.Length, (IntPtr* o, int cap) => pn_tensor_meshgrid_ij(pp, h.Length, o, cap));
        }
        GC.KeepAlive(tensors);
        return r;
    }

    public static Tensor Minimum(Tensor a, Tensor b) => a.Minimum(b);
    public static Tensor Maximum(Tensor a, Tensor b) => a.Maximum(b);
}
