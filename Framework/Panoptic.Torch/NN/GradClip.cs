using Panoptic.Torch.Native;

namespace Panoptic.Torch.NN;

/// <summary><c>torch.nn.utils.clip_grad_norm_</c> / <c>clip_grad_value_</c>.</summary>
public static class GradClip
{
    /// <summary>
    /// Scales all gradients in place so that their joint <paramref name="normType"/>-norm is at most
    /// <paramref name="maxNorm"/> (infinity: <c>double.PositiveInfinity</c>); returns the norm before clipping.
    /// </summary>
    public static unsafe double ClipGradNorm_(IEnumerable<Parameter> parameters, double maxNorm, double normType = 2.0)
    {
        var list = parameters.ToList();
        var h = Torch.Handles(list);
        double total;
        fixed (IntPtr* p = h)
            Checked.Status(NativeMethods.pn_clip_grad_norm(p, h.Length, maxNorm, double.IsPositiveInfinity(normType) ? 0 : normType, out total));
        GC.KeepAlive(list);
        return total;
    }

    /// <summary>Clamps every gradient element to [−clip, clip] in place.</summary>
    public static unsafe void ClipGradValue_(IEnumerable<Parameter> parameters, double clip)
    {
        var list = parameters.ToList();
        var h = Torch.Handles(list);
        fixed (IntPtr* p = h) Checked.Status(NativeMethods.pn_clip_grad_value(p, h.Length, clip));
        GC.KeepAlive(list);
    }
}
