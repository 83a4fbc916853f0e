using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Identity forward, gradient times a factor backward (detectron2 <c>_ScaleGradient</c>), from differentiable ops:
/// <c>x.detach() + (x − x.detach())·scale</c>. The difference is exactly 0 for finite x, so the value is x bit for bit;
/// the gradient reaching x is <c>scale</c> times the incoming one.
/// </summary>
public static class GradientScale
{
    /// <param name="x">Any float tensor.</param>
    /// <param name="scale">Factor applied to the gradient that flows back into <paramref name="x"/>.</param>
    /// <returns>A tensor of x's shape and values.</returns>
    public static Tensor Apply(Tensor x, double scale)
    {
        using var scope = Torch.NewDisposeScope();
        var constant = x.Detach();
        return scope.MoveToOuter(constant + (x - constant) * scale);
    }
}
