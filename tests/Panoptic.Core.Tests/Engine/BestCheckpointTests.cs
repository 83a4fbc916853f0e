using FluentAssertions;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Tests.Engine.Support;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

[Collection(NonParallelCollection.Name)]
public sealed class BestCheckpointTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Periodic_evaluation_keeps_the_checkpoint_of_the_best_metric()
    {
        using var model = new TinyNet();
        var hook = new RecordingHook();
        var evaluation = new ScriptedEvaluation(0.3, 0.5, 0.4);
        var setup = TinyRuns.Setup(_dir.Path, model, TinyRuns.Solver(6), hooks: [hook]) with
        {
            Evaluation = evaluation,
            Test = new TestSection { EvalPeriod = 2, BestMetric = "segm/AP" },
        };

        var result = new Trainer(setup).Run(TrainingStart.FromScratch);

        hook.Evaluations.Select(e => (e.Iteration, e.Metrics["segm/AP"])).Should().Equal((1, 0.3), (3, 0.5), (5, 0.4));
        evaluation.SawEvalMode.Should().BeTrue();
        model.Training.Should().BeTrue("training mode is restored after evaluating");
        result.Best.Should().Be(new BestMetricState("segm/AP", 0.5, 3));
        var best = CheckpointFile.ReadState(Path.Combine(_dir.Path, "checkpoints", CheckpointStore.BestName));
        best.Iteration.Should().Be(3);
        best.Best.Should().Be(new BestMetricState("segm/AP", 0.5, 3));
        CheckpointFile.ReadState(Path.Combine(_dir.Path, "checkpoints", CheckpointStore.FinalName)).Best!.Value.Should().Be(0.5);
    }

    [Fact]
    public void Minimising_a_metric_picks_the_smallest()
    {
        using var model = new TinyNet();
        var setup = TinyRuns.Setup(_dir.Path, model, TinyRuns.Solver(6)) with
        {
            Evaluation = new ScriptedEvaluation(0.3, 0.1, 0.2),
            Test = new TestSection { EvalPeriod = 2, BestMetric = "bbox/AP", BestMode = MetricMode.Min },
        };

        new Trainer(setup).Run(TrainingStart.FromScratch).Best.Should().Be(new BestMetricState("bbox/AP", 0.2, 3));
    }

    [Fact]
    public void A_best_metric_the_evaluation_lacks_is_a_config_error_listing_the_metrics()
    {
        using var model = new TinyNet();
        var setup = TinyRuns.Setup(_dir.Path, model, TinyRuns.Solver(2)) with
        {
            Evaluation = new ScriptedEvaluation(0.3),
            Test = new TestSection { BestMetric = "panoptic/PQ" },
        };

        var act = () => new Trainer(setup).Run(TrainingStart.FromScratch);

        act.Should().Throw<Panoptic.Abstractions.Config.ConfigException>()
            .WithMessage("*test.best_metric: 'panoptic/PQ' is not among the evaluation's metrics; valid: segm/AP, bbox/AP");
    }
}
