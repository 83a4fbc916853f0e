namespace Panoptic.Core.Data;

/// <summary>
/// Derives independent seeds from a root seed and coordinates (epoch, position, split, image index) with SplitMix64's
/// finaliser, so that what a seed produces depends only on those coordinates — not on thread count or order.
/// </summary>
public static class SeedMixer
{
    /// <summary>A well-mixed 64-bit seed for <paramref name="seed"/> and <paramref name="coordinates"/>.</summary>
    public static ulong Mix(ulong seed, params ReadOnlySpan<long> coordinates)
    {
        var h = Finalize(seed ^ 0x9E3779B97F4A7C15UL);
        foreach (var c in coordinates)
            h = Finalize(h ^ Finalize(unchecked((ulong)c) + 0xD1B54A32D192ED03UL));
        return h;
    }

    /// <summary>A seed for <see cref="Random(int)"/> (whose seeded sequence .NET keeps stable across versions).</summary>
    public static int ToRandomSeed(ulong mixed) => (int)(mixed >> 33);

    private static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
