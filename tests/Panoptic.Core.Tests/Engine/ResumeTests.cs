using FluentAssertions;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Tests.Engine.Support;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

using Torch = Panoptic.Torch.Torch;

/// <summary>Train 2k iterations straight, or k, stop, resume and k more: the same losses and weights, to the bit.</summary>
[Collection(NonParallelCollection.Name)]
public sealed class ResumeTests : IDisposable
{
    private const int K = 5;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(OptimizerKind.SGD)]
    [InlineData(OptimizerKind.AdamW)]
    public void A_resumed_run_repeats_the_uninterrupted_one_bit_for_bit(OptimizerKind optimizer)
    {
        var solver = TinyRuns.Solver(2 * K) with { Optimizer = optimizer, BaseLr = optimizer == OptimizerKind.AdamW ? 0.01 : 0.05, CheckpointPeriod = 3 };
        var straight = Run("straight", solver, TrainingStart.FromScratch, stopAfter: null, initSeed: 1);

        var first = Run("resumed", solver, TrainingStart.FromScratch, stopAfter: K - 1, initSeed: 1);
        var checkpoint = new CheckpointStore(Path.Combine(_dir.Path, "resumed", "checkpoints"), 0).FindLatest()!;
        var second = Run("resumed", solver, new TrainingStart.Resume(checkpoint), stopAfter: null, initSeed: 99);

        first.Result.StopReason.Should().Be("test asked to stop");
        first.Result.LastCheckpoint.Should().EndWith(CheckpointStore.PeriodicName(K - 1));
        second.Result.StartIteration.Should().Be(K);
        second.Result.Completed.Should().BeTrue();
        var losses = first.Hook.Losses("loss_mse", "loss_abs", "total_loss", "lr").Concat(second.Hook.Losses("loss_mse", "loss_abs", "total_loss", "lr")).ToList();
        losses.Should().HaveCount(2 * K);
        for (var i = 0; i < 2 * K; i++)
            losses[i].Should().Equal(straight.Hook.Losses("loss_mse", "loss_abs", "total_loss", "lr")[i], $"iteration {i} must be bit-identical");
        foreach (var (name, values) in straight.Parameters)
            second.Parameters[name].Should().Equal(values, $"parameter {name} must be bit-identical");
        JsonlLosses("resumed").Should().Equal(JsonlLosses("straight"), "metrics.jsonl of the resumed run has the lines of the uninterrupted one");
    }

    [Fact]
    public void A_resume_with_another_data_seed_is_refused_with_both_seeds_named()
    {
        var solver = TinyRuns.Solver(4) with { CheckpointPeriod = 2 };
        Run("seed", solver, TrainingStart.FromScratch, stopAfter: 1, initSeed: 1);
        var checkpoint = new CheckpointStore(Path.Combine(_dir.Path, "seed", "checkpoints"), 0).FindLatest()!;
        using var model = new TinyNet(dropout: 0.5);
        var setup = TinyRuns.Setup(Path.Combine(_dir.Path, "seed"), model, solver, new SyntheticTrainingData(2, seed: 8));

        var act = () => new Trainer(setup).Run(new TrainingStart.Resume(checkpoint));

        act.Should().Throw<CheckpointException>().WithMessage("*data seed 7; this run's is 8*runtime.seed=7*");
    }

    private (RecordingHook Hook, Dictionary<string, float[]> Parameters, TrainingResult Result) Run(
        string name, SolverSection solver, TrainingStart start, int? stopAfter, ulong initSeed)
    {
        Torch.ManualSeed(initSeed);
        using var model = new TinyNet(dropout: 0.5);
        var hook = new RecordingHook { StopAfter = stopAfter };
        var result = new Trainer(TinyRuns.Setup(Path.Combine(_dir.Path, name), model, solver, hooks: [hook])).Run(start);
        return (hook, model.Snapshot(), result);
    }

    private List<string> JsonlLosses(string name) =>
        File.ReadLines(Path.Combine(_dir.Path, name, MetricsJsonl.FileName))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Select(e => $"{e.GetProperty("iteration").GetInt32()} {e.GetProperty("loss_mse").GetDouble():R} {e.GetProperty("loss_abs").GetDouble():R}")
            .ToList();
}
