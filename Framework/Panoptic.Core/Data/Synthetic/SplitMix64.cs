namespace Panoptic.Core.Data.Synthetic;

/// <summary>
/// A small, fast PRNG (SplitMix64) whose sequence is fixed by this code alone — not by the .NET version — so that
/// a seed gives the same dataset bytes everywhere.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive) => min + (int)(NextUInt64() % (ulong)(maxExclusive - min));

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A child generator for an independent stream (e.g. one per image).</summary>
    public SplitMix64 Fork(ulong salt) => new(NextUInt64() ^ (salt * 0xD1B54A32D192ED03UL));
}
