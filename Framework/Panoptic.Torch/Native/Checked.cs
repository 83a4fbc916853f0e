using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

/// <summary>Turns the shim's sentinels (null handle, negative status) into <see cref="TorchException"/>s.</summary>
internal static class Checked
{
    /// <summary>The pending native error message for this thread, cleared by reading.</summary>
    internal static string TakeError() =>
        Marshal.PtrToStringUTF8(NativeMethods.pn_last_error()) ?? "libtorch reported a failure without a message";

    internal static Tensor Wrap(IntPtr handle) =>
        handle == IntPtr.Zero ? throw new TorchException(TakeError()) : new Tensor(handle);

    internal static IntPtr Handle(IntPtr handle) =>
        handle == IntPtr.Zero ? throw new TorchException(TakeError()) : handle;

    internal static int Status(int status) => status < 0 ? throw new TorchException(TakeError()) : status;

    internal static string String(IntPtr text) =>
        text == IntPtr.Zero ? throw new TorchException(TakeError()) : Marshal.PtrToStringUTF8(text) ?? "";

    /// <summary>The handle of an optional tensor argument.</summary>
    internal static TensorHandle Opt(Tensor? t) => t?.Handle ?? TensorHandle.Null;
}
