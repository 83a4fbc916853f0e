using Panoptic.Torch.Native;

namespace Panoptic.Torch.NN;

/// <summary>
/// A trainable tensor owned by a <see cref="Module"/> (<c>torch.nn.Parameter</c>): shares the storage of the data it
/// was made from, requires grad by default, and never joins a dispose scope (its module disposes it).
/// </summary>
public sealed class Parameter : Tensor
{
    public Parameter(Tensor data, bool requiresGrad = true)
        : base(Checked.Handle(NativeMethods.pn_tensor_detach(data.Handle)), attachToScope: false)
    {
        RequiresGrad = requiresGrad;
    }
}
