using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Modeling;
using Panoptic.Torch;

namespace Panoptic.Core.Engine;

using Torch = Panoptic.Torch.Torch;

/// <summary>The losses of one iteration (averaged over its micro-batches) and the time spent waiting for data.</summary>
internal sealed record StepLosses(IReadOnlyList<KeyValuePair<string, double>> Losses, double DataSeconds)
{
    /// <summary>Sum of the losses (detectron2 <c>total_loss</c>).</summary>
    public double Total => Losses.Sum(kv => kv.Value);
}

/// <summary>
/// Forward and backward of one iteration (detectron2 <c>SimpleTrainer.run_step</c>, with gradient accumulation):
/// each of <c>accumulation</c> micro-batches is forwarded, its losses checked for NaN/Inf (before any backward, so a
/// diverged step changes no weight), summed, divided by the micro-batch count and back-propagated; gradients add up.
/// The caller zeroes gradients before and steps the optimizer after.
/// </summary>
internal sealed class TrainingStep(IMetaArchitecture model, int accumulation)
{
    /// <exception cref="TrainingDivergedException">A loss is NaN or infinite.</exception>
    /// <exception cref="InvalidOperationException">The training data ended (it must be endless).</exception>
    public StepLosses Run(int iteration, IEnumerator<DataBatch> batches)
    {
        var sums = new List<KeyValuePair<string, double>>();
        var dataSeconds = 0.0;
        for (var micro = 0; micro < accumulation; micro++)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            if (!batches.MoveNext())
                throw new InvalidOperationException("the training data ended; it must deliver batches without end");
            dataSeconds += waited.Elapsed.TotalSeconds;
            using var batch = batches.Current;
            using var scope = Torch.NewDisposeScope();
            var losses = model.Losses(batch.Inputs);
            if (losses.Count == 0)
                throw new InvalidOperationException($"{model.GetType().Name}.Losses returned no loss at iteration {iteration}");
            var values = losses.Select(kv => new KeyValuePair<string, double>(kv.Key, kv.Value.ToDouble())).ToList();
            if (values.Any(kv => !double.IsFinite(kv.Value)))
                throw new TrainingDivergedException(iteration, values);
            Tensor? total = null;
            foreach (var loss in losses.Values)
                total = total is null ? loss : total + loss;
            var scaled = accumulation == 1 ? total! : total! / accumulation;
            scaled.Backward();
            Accumulate(sums, values);
        }
        return new StepLosses(sums.Select(kv => new KeyValuePair<string, double>(kv.Key, kv.Value / accumulation)).ToList(), dataSeconds);
    }

    private static void Accumulate(List<KeyValuePair<string, double>> sums, List<KeyValuePair<string, double>> values)
    {
        foreach (var (name, value) in values)
        {
            var index = sums.FindIndex(kv => kv.Key == name);
            if (index < 0)
                sums.Add(new(name, value));
            else
                sums[index] = new(name, sums[index].Value + value);
        }
    }
}
