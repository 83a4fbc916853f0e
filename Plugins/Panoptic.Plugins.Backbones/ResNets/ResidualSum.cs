using Panoptic.Modeling.Layers;
using Panoptic.Torch;

namespace Panoptic.Plugins.Backbones.ResNets;

/// <summary>The end of a residual block: relu(branch + shortcut(input)), in place on the branch output.</summary>
internal static class ResidualSum
{
    /// <param name="branch">The residual branch's output; it becomes the result.</param>
    /// <param name="input">The block's input.</param>
    /// <param name="shortcut">The projection, or null for the identity.</param>
    public static Tensor AddAndRelu(Tensor branch, Tensor input, ConvNorm2d? shortcut)
    {
        if (shortcut is null)
        {
            branch.Add_(input);
        }
        else
        {
            using var projected = shortcut.Forward(input);
            branch.Add_(projected);
        }
        return branch.Relu_();
    }
}
