using Panoptic.Torch;

namespace Panoptic.Plugins.RoIOps.Kernels;

/// <summary>The result of pooling no RoIs: (0, C, S, S), still connected to the features' graph so backward works.</summary>
internal static class EmptyPooled
{
    public static Tensor Like(Tensor feature, int outputSize)
    {
        using var flat = feature.Flatten();
        using var none = flat.Narrow(0, 0, 0);
        return none.Reshape(0, feature.Size(1), outputSize, outputSize);
    }
}
