using System.Runtime.InteropServices;
using Panoptic.Torch.Native;

namespace Panoptic.Torch;

// Data in and out: native/src/tensor_core.cpp
public partial class Tensor
{
    private void CheckElementType<T>() where T : unmanaged
    {
        var want = DTypes.Of<T>();
        if (want != DType)
            throw new TorchException($"tensor holds {DType.Name()} elements, not {want.Name()} ({typeof(T).Name}); convert with .To(DType.{want})");
    }

    /// <summary>Copies all elements (row-major; any device, any strides) into a new array.</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        CheckElementType<T>();
        var result = new T[Numel];
        CopyTo<T>(result);
        return result;
    }

    /// <summary>Copies all elements (row-major) into <paramref name="destination"/>, whose length must equal Numel.</summary>
    public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        CheckElementType<T>();
        fixed (T* dst = destination)
            Checked.Status(NativeMethods.pn_tensor_copy_to(Handle, dst, (long)destination.Length * sizeof(T)));
    }

    /// <summary>The raw bytes of the elements (row-major).</summary>
    public unsafe byte[] ToBytes()
    {
        var bytes = new byte[Numel * DType.ElementSize()];
        fixed (byte* dst = bytes)
            Checked.Status(NativeMethods.pn_tensor_copy_to(Handle, dst, bytes.Length));
        return bytes;
    }

    /// <summary>
    /// A span over the elements in place (no copy). Only for contiguous CPU tensors; the span is valid while this
    /// tensor is alive and not resized.
    /// </summary>
    public unsafe Span<T> AsSpan<T>() where T : unmanaged
    {
        CheckElementType<T>();
        if (!IsContiguous) throw new TorchException("AsSpan needs a contiguous tensor; call .Contiguous() first");
        if (Numel == 0) return Span<T>.Empty; // no storage: libtorch's data pointer is null
        var p = NativeMethods.pn_tensor_data_ptr(Handle);
        if (p == IntPtr.Zero) throw new TorchException(Checked.TakeError());
        return new Span<T>((void*)p, checked((int)Numel));
    }

    /// <summary>The value of a one-element tensor as a double (<c>.item()</c>).</summary>
    public double ToDouble()
    {
        Checked.Status(NativeMethods.pn_tensor_item(Handle, out var d, out _));
        return d;
    }

    /// <summary>The value of a one-element tensor as a float.</summary>
    public float ToSingle() => (float)ToDouble();

    /// <summary>The value of a one-element integral tensor as a long (exact).</summary>
    public long ToInt64()
    {
        Checked.Status(NativeMethods.pn_tensor_item(Handle, out _, out var l));
        return l;
    }

    public bool ToBoolean() => ToInt64() != 0;
}
