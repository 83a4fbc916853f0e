using Panoptic.Core.Config.Sections;
using Panoptic.Torch.NN;
using Panoptic.Torch.Optim;

namespace Panoptic.Core.Engine.Optimization;

/// <summary>
/// <c>solver.clip_gradients</c> (detectron2 <c>maybe_add_gradient_clipping</c>): <c>value</c> clamps every element,
/// <c>norm</c> clips each parameter's gradient norm on its own, <c>full_model</c> clips the joint norm of all.
/// </summary>
public sealed class GradientClipping(ClipGradientsOptions options)
{
    public ClipGradientsOptions Options { get; } = options;

    /// <summary>Clips the gradients of every parameter of <paramref name="groups"/> in place (nothing when disabled).</summary>
    public void Apply(IReadOnlyList<ParamGroup> groups)
    {
        if (!Options.Enabled)
            return;
        var parameters = groups.SelectMany(g => g.Parameters).ToList(); // parameters without a gradient are skipped natively
        switch (Options.ClipType)
        {
            case ClipType.Value:
                GradClip.ClipGradValue_(parameters, Options.ClipValue);
                break;
            case ClipType.Norm:
                foreach (var parameter in parameters)
                    GradClip.ClipGradNorm_([parameter], Options.ClipValue, Options.NormType);
                break;
            case ClipType.FullModel:
                GradClip.ClipGradNorm_(parameters, Options.ClipValue, Options.NormType);
                break;
        }
    }
}
