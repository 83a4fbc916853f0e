namespace Panoptic.Evaluation.Benchmarking;

/// <summary>Per-item seeds that are the same in every process (unlike <see cref="HashCode"/>, which is randomised).</summary>
internal static class WorkloadSeed
{
    public static int For(int seed, int item) => unchecked(seed * 1_000_003 + item * 7919 + 17);
}
