using System.Globalization;

namespace Panoptic.Core.Engine;

/// <summary>
/// A loss became NaN or infinite (detectron2's <c>FloatingPointError</c> in <c>_write_metrics</c>): training stops at
/// that iteration, before the optimizer step, so the weights are those of the previous iteration. The command line
/// maps it to exit code 3.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    public TrainingDivergedException(int iteration, IReadOnlyList<KeyValuePair<string, double>> losses)
        : base(Format(iteration, losses))
    {
        Iteration = iteration;
        Losses = losses;
    }

    /// <summary>The iteration (0-based) whose losses were not finite.</summary>
    public int Iteration { get; }

    /// <summary>The loss dict of the micro-batch that failed.</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Losses { get; }

    private static string Format(int iteration, IReadOnlyList<KeyValuePair<string, double>> losses)
    {
        var values = string.Join(", ", losses.Select(kv => $"{kv.Key} = {kv.Value.ToString("G9", CultureInfo.InvariantCulture)}"));
        return $"loss became infinite or NaN at iteration {iteration}: {{{values}}}. " +
               "Lower solver.base_lr, lengthen solver.warmup_iters, enable solver.clip_gradients, or check the data of this iteration.";
    }
}
