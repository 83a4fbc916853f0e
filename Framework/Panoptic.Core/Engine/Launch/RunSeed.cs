using System.Security.Cryptography;
using Panoptic.Core.Engine.Checkpointing;

namespace Panoptic.Core.Engine.Launch;

/// <summary>The seed a run uses: a resumed checkpoint's, else <c>runtime.seed</c>, else one drawn at start-up (detectron2 <c>seed_all_rng</c>).</summary>
public sealed record RunSeed(ulong Value, bool Drawn)
{
    /// <exception cref="CheckpointException">A non-negative <c>runtime.seed</c> that differs from the resumed checkpoint's.</exception>
    public static RunSeed Choose(int configured, CheckpointState? resumed, string? checkpoint)
    {
        if (resumed is not null)
        {
            if (configured >= 0 && (ulong)configured != resumed.Seed)
                throw new CheckpointException($"runtime.seed is {configured} but {checkpoint} was trained with seed {resumed.Seed}; resume with runtime.seed={resumed.Seed} or a negative one");
            return new RunSeed(resumed.Seed, false);
        }
        return configured >= 0 ? new RunSeed((ulong)configured, false) : new RunSeed((ulong)RandomNumberGenerator.GetInt32(int.MaxValue), true);
    }
}
