using System.Text.Json;
using System.Text.Json.Serialization;
using Panoptic.Torch.Distributed;

namespace Panoptic.Core.Engine.Distributed;

/// <summary>
/// Evaluation under data parallelism: rank 0 evaluates alone (evaluators keep their state in-process and have no way to
/// be gathered), then publishes the metrics in the job's store; the other ranks wait for them there, polling (a
/// collective would fail after the group timeout, and an evaluation may take longer), so every rank's hooks see the same
/// metrics. If rank 0 dies, its store goes with it and the polling ranks fail at once.
/// </summary>
public sealed class EvaluationRelay(Store store)
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>How often waiting ranks look for the metrics.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Rank 0: publishes the metrics of the evaluation after <paramref name="iteration"/>.</summary>
    public void Publish(int iteration, IReadOnlyDictionary<string, double> metrics) =>
        store.Set(Key(iteration), JsonSerializer.Serialize(metrics, Json));

    /// <summary>Other ranks: waits (without a deadline) for rank 0's metrics of <paramref name="iteration"/>.</summary>
    /// <exception cref="Panoptic.Torch.TorchException">The store is gone (rank 0 ended).</exception>
    public IReadOnlyDictionary<string, double> Receive(int iteration)
    {
        var key = Key(iteration);
        while (!store.Check(key))
            Thread.Sleep(PollInterval);
        return JsonSerializer.Deserialize<Dictionary<string, double>>(store.GetString(key), Json)
               ?? throw new InvalidOperationException($"rank 0 published no metrics under {key}");
    }

    private static string Key(int iteration) => $"panoptic/evaluation/{iteration}";
}
