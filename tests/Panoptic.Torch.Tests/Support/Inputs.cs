namespace Panoptic.Torch.Tests.Support;

/// <summary>Deterministic test inputs, built exactly as pnref.py builds them on the PyTorch side.</summary>
public static class Inputs
{
    /// <summary>Standard normal values from a fresh generator seeded with <paramref name="seed"/> (<c>randn(seed, *shape)</c>).</summary>
    public static Tensor Randn(ulong seed, long[] shape, DType dtype = DType.Float64, bool requiresGrad = false)
    {
        using var g = new Generator(seed);
        return Torch.Randn(shape, dtype, generator: g, requiresGrad: requiresGrad);
    }

    /// <summary>Uniform [0, 1) values from a fresh generator (<c>rand(seed, *shape)</c>).</summary>
    public static Tensor Rand(ulong seed, long[] shape, DType dtype = DType.Float64)
    {
        using var g = new Generator(seed);
        return Torch.Rand(shape, dtype, generator: g);
    }

    /// <summary>sin(0, 1, 2, ...) computed in float64, reshaped, then converted (<c>wave(*shape)</c>).</summary>
    public static Tensor Wave(long[] shape, DType dtype = DType.Float64)
    {
        using var scope = Torch.NewDisposeScope();
        var n = shape.Aggregate(1L, (a, b) => a * b);
        var t = Torch.Arange(0L, n, 1L, DType.Float64).Sin().Reshape(shape).To(dtype);
        return scope.MoveToOuter(t);
    }
}
