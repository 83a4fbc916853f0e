using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

/// <summary>
/// Owns one native <c>at::Tensor*</c>. Releasing it frees the handle (the storage lives on while other tensors
/// share it). Counts live handles so tests can assert that nothing leaks.
/// </summary>
internal sealed class TensorHandle : SafeHandle
{
    private static long s_live;

    /// <summary>A handle standing for "no tensor" (an optional argument left out); never released.</summary>
    internal static readonly TensorHandle Null = new();

    private TensorHandle() : base(IntPtr.Zero, ownsHandle: false) { }

    internal TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
        Interlocked.Increment(ref s_live);
    }

    internal static long Live => Interlocked.Read(ref s_live);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.pn_tensor_free(handle);
        Interlocked.Decrement(ref s_live);
        return true;
    }
}
