using System.Runtime.InteropServices;
using Panoptic.Torch.Native;

namespace Panoptic.Torch;

/// <summary>
/// A libtorch tensor. Owns one native handle through a <see cref="SafeHandle"/>: dispose it (or create it inside a
/// <see cref="DisposeScope"/>) to free it promptly; the finalizer frees forgotten ones. Operations live in partial
/// files by topic (Tensor.Math.cs, Tensor.Shape.cs, ...), each mapping one-to-one to a <c>pn_tensor_*</c> export.
/// </summary>
public partial class Tensor : IDisposable
{
    internal readonly TensorHandle Handle;

    /// <summary>Wraps an owned native handle (already checked non-null) and registers it with the current scope.</summary>
    internal Tensor(IntPtr handle) : this(handle, attachToScope: true) { }

    private protected Tensor(IntPtr handle, bool attachToScope)
    {
        Handle = new TensorHandle(handle);
        if (attachToScope) DisposeScope.Current?.Attach(this);
    }

    /// <summary>Number of native tensor handles alive in this process (for leak tests).</summary>
    public static long LiveCount => TensorHandle.Live;

    public bool IsDisposed => Handle.IsClosed;

    public void Dispose()
    {
        Handle.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---- metadata ----

    public int Dim => Checked.Status(NativeMethods.pn_tensor_dim(Handle));

    public unsafe long[] Shape
    {
        get
        {
            var n = Dim;
            var shape = new long[n];
            fixed (long* p = shape) Checked.Status(NativeMethods.pn_tensor_sizes(Handle, p));
            return shape;
        }
    }

    public unsafe long[] Strides
    {
        get
        {
            var n = Dim;
            var strides = new long[n];
            fixed (long* p = strides) Checked.Status(NativeMethods.pn_tensor_strides(Handle, p));
            return strides;
        }
    }

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public long Size(int dim)
    {
        var shape = Shape;
        var d = dim < 0 ? dim + shape.Length : dim;
        if (d < 0 || d >= shape.Length)
            throw new TorchException($"Dimension out of range (expected to be in range of [{-shape.Length}, {shape.Length - 1}], but got {dim})");
        return shape[d];
    }

    public long Numel => NativeMethods.pn_tensor_numel(Handle);

    public DType DType => (DType)NativeMethods.pn_tensor_dtype(Handle);

    public Device Device =>
        new((DeviceType)NativeMethods.pn_tensor_device_type(Handle), NativeMethods.pn_tensor_device_index(Handle));

    public bool IsContiguous => NativeMethods.pn_tensor_is_contiguous(Handle) != 0;

    public long StorageOffset => NativeMethods.pn_tensor_storage_offset(Handle);

    /// <summary>Short description, e.g. <c>Tensor[2, 3] float32 cpu</c>; see <see cref="ToDisplayString"/> for values.</summary>
    public override string ToString() => IsDisposed
        ? "Tensor (disposed)"
        : $"Tensor[{string.Join(", ", Shape)}] {DType.Name()} {Device}{(RequiresGrad ? " requires_grad" : "")}";

    /// <summary>libtorch's printout of the values.</summary>
    public string ToDisplayString() => Checked.String(NativeMethods.pn_tensor_to_string(Handle));

    /// <summary>A second handle to the same tensor (same storage, same autograd identity), owned separately.</summary>
    public Tensor Alias() => Checked.Wrap(NativeMethods.pn_tensor_alias(Handle));
}
