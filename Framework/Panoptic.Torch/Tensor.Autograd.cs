using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch;

// Autograd: native/src/autograd.cpp
public partial class Tensor
{
    public bool RequiresGrad
    {
        get => pn_tensor_requires_grad(Handle) != 0;
        set => Checked.Status(pn_tensor_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor (<c>requires_grad_()</c>).</summary>
    public Tensor RequiresGrad_(bool value = true)
    {
        RequiresGrad = value;
        return this;
    }

    public bool IsLeaf => pn_tensor_is_leaf(Handle) != 0;

    /// <summary>
    /// The accumulated gradient (<c>.grad</c>), or null. Each read returns a new handle to the same gradient tensor:
    /// dispose it (or read it inside a scope). Setting null clears it.
    /// </summary>
    public Tensor? Grad
    {
        get
        {
            Checked.Status(pn_tensor_grad(Handle, out var g));
            return g == IntPtr.Zero ? null : new Tensor(g);
        }
        set => Checked.Status(pn_tensor_set_grad(Handle, Checked.Opt(value)));
    }

    /// <summary>Name of the autograd node that produced this tensor (e.g. "MulBackward0"), empty for leaves.</summary>
    public string GradFnName => Checked.String(pn_tensor_grad_fn_name(Handle));

    /// <summary>Accumulates gradients of this tensor into the leaves (<c>backward</c>).</summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false) =>
        Checked.Status(pn_tensor_backward(Handle, Checked.Opt(gradient), retainGraph ? 1 : 0, createGraph ? 1 : 0));

    /// <summary>Same data, cut from the graph (<c>detach()</c>).</summary>
    public Tensor Detach() => W(pn_tensor_detach(Handle));

    public void RetainGrad() => Checked.Status(pn_tensor_retain_grad(Handle));

    /// <summary>Moves this tensor to the enclosing dispose scope (if it is in the current one).</summary>
    public Tensor MoveToOuterDisposeScope() => DisposeScope.Current?.MoveToOuter(this) ?? this;

    /// <summary>Removes this tensor from all dispose scopes: the caller owns it.</summary>
    public Tensor DetachFromDisposeScope() => DisposeScope.Current?.Detach(this) ?? this;
}
