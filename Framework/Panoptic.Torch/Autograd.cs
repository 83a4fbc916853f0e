using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch;

/// <summary><c>torch.autograd</c> functions, and the custom autograd functions hosted in the native shim.</summary>
public static class Autograd
{
    /// <summary>
    /// Gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/> (<c>torch.autograd.grad</c>);
    /// an entry is null for an input the outputs do not depend on (with <paramref name="allowUnused"/>).
    /// </summary>
    public static unsafe Tensor?[] Grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor>? gradOutputs = null, bool retainGraph = false, bool createGraph = false, bool allowUnused = false)
    {
        var o = Torch.Handles(outputs);
        var i = Torch.Handles(inputs);
        var g = gradOutputs == null ? null : Torch.Handles(gradOutputs);
        var result = new IntPtr[i.Length];
        fixed (IntPtr* po = o) fixed (IntPtr* pi = i) fixed (IntPtr* pg = g) fixed (IntPtr* pr = result)
            Checked.Status(pn_autograd_grad(po, o.Length, pi, i.Length, pg, retainGraph ? 1 : 0, createGraph ? 1 : 0, allowUnused ? 1 : 0, pr));
        GC.KeepAlive(outputs);
        GC.KeepAlive(inputs);
        GC.KeepAlive(gradOutputs);
        return result.Select(h => h == IntPtr.Zero ? null : new Tensor(h)).ToArray();
    }

    /// <summary>
    /// <c>x² · scale</c> through a C++ <c>torch::autograd::Function</c> with a hand-written backward: the pattern the
    /// native kernels (RoIAlign, ...) use; kept as the smallest example and tested by finite differences.
    /// </summary>
    public static Tensor ScaledSquare(Tensor x, double scale) => Checked.Wrap(pn_autograd_scaled_square(x.Handle, scale));
}
