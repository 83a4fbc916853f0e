using System.Text.Json;
using Panoptic.Torch.Distributed;

namespace Panoptic.Core.Engine.Distributed;

/// <summary>
/// What rank 0 decides at start-up and every rank must follow: the seed (drawn once when <c>runtime.seed</c> is
/// negative) and whether to resume (from rank 0's checkpoint; the others receive its bytes when training starts).
/// Passed through the job's store.
/// </summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="SeedDrawn">Whether rank 0 drew it.</param>
/// <param name="Resume">Rank 0's checkpoint to resume from, or null.</param>
public sealed record LaunchDecision(ulong Seed, bool SeedDrawn, string? Resume)
{
    private const string Key = "panoptic/launch";

    /// <summary>Rank 0: <paramref name="decide"/>, published. Others: rank 0's decision (waiting up to the store timeout).</summary>
    public static LaunchDecision Share(DistributedContext context, Func<LaunchDecision> decide)
    {
        if (context.IsMain)
        {
            var decision = decide();
            context.Group.Store.Set(Key, JsonSerializer.Serialize(decision));
            return decision;
        }
        return JsonSerializer.Deserialize<LaunchDecision>(context.Group.Store.GetString(Key))
               ?? throw new InvalidOperationException("rank 0 published no launch decision");
    }
}
