using FluentAssertions;
using Panoptic.Core.Engine;
using Panoptic.Core.Tests.Engine.Support;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

using Torch = Panoptic.Torch.Torch;

[Collection(NonParallelCollection.Name)]
public sealed class GradientAccumulationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Two_accumulated_micro_batches_of_one_equal_one_batch_of_two()
    {
        var (wholeLosses, whole) = Train("whole", accumulation: 1);
        var (accumulatedLosses, accumulated) = Train("accumulated", accumulation: 2);

        accumulatedLosses.Should().HaveCount(wholeLosses.Count);
        for (var i = 0; i < wholeLosses.Count; i++)
        {
            for (var j = 0; j < wholeLosses[i].Length; j++)
                accumulatedLosses[i][j].Should().BeApproximately(wholeLosses[i][j], 1e-6, $"iteration {i}, loss {j}");
        }
        foreach (var (name, values) in whole)
        {
            for (var j = 0; j < values.Length; j++)
                accumulated[name][j].Should().BeApproximately(values[j], 1e-6f, $"{name}[{j}]");
        }
    }

    private (List<double[]> Losses, Dictionary<string, float[]> Parameters) Train(string name, int accumulation)
    {
        Torch.ManualSeed(5);
        using var model = new TinyNet();
        var hook = new RecordingHook();
        var solver = TinyRuns.Solver(6) with { GradAccumulationSteps = accumulation };
        new Trainer(TinyRuns.Setup(Path.Combine(_dir.Path, name), model, solver, hooks: [hook])).Run(TrainingStart.FromScratch);
        return (hook.Losses("loss_mse", "loss_abs", "total_loss"), model.Snapshot());
    }
}
