using Panoptic.Torch.Distributed;

namespace Panoptic.Core.Engine.Distributed;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// What the ranks settle together every iteration, in two tiny all-reduces: the logged losses (averaged over the ranks,
/// as detectron2 reduces its loss dict for logging) and whether to stop (a hook's request, Ctrl+C or a wall-clock
/// limit on any rank stops all of them after the same iteration, so none waits on the others' next collective).
/// </summary>
public sealed class StepAgreement(ProcessGroup group)
{
    /// <summary>The average over the ranks of each value (every rank must pass the same names in the same order).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Average(IReadOnlyList<KeyValuePair<string, double>> values)
    {
        using var scope = Torch.NewDisposeScope();
        var tensor = Torch.From(values.Select(kv => kv.Value).ToArray(), values.Count);
        group.AllReduce(tensor, ReduceOp.Avg);
        var averaged = tensor.ToArray<double>();
        return values.Select((kv, i) => new KeyValuePair<string, double>(kv.Key, averaged[i])).ToList();
    }

    /// <summary>Whether any rank wants to stop.</summary>
    public bool AnyStops(bool stopHere)
    {
        using var scope = Torch.NewDisposeScope();
        var flag = Torch.From(new[] { stopHere ? 1L : 0L }, 1);
        group.AllReduce(flag, ReduceOp.Max);
        return flag.ToArray<long>()[0] > 0;
    }
}
