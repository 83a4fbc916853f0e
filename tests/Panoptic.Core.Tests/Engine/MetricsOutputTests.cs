using System.Text.Json;
using FluentAssertions;
using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Engine.Observability.TensorBoard;
using Panoptic.Core.Tests.Engine.Support;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

[Collection(NonParallelCollection.Name)]
public sealed class MetricsOutputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Metrics_jsonl_has_one_line_per_logged_iteration_and_tensorboard_the_same_scalars()
    {
        using var model = new TinyNet();
        var progress = new StringWriter();
        var setup = TinyRuns.Setup(_dir.Path, model, TinyRuns.Solver(7), logPeriod: 3) with { Progress = new PlainProgress(progress) };

        new Trainer(setup).Run(TrainingStart.FromScratch);

        var lines = File.ReadAllLines(Path.Combine(_dir.Path, MetricsJsonl.FileName)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("iteration").GetInt32()).Should().Equal([2, 5, 6], "log_period 3 and the last iteration");
        lines[0].EnumerateObject().Select(p => p.Name).Should().Equal("iteration", "loss_mse", "loss_abs", "total_loss", "lr", "time", "data_time");
        var events = ReadEvents();
        events.Where(e => e.Scalars.Count > 0).Select(e => e.Step).Should().Equal([2, 5, 6]);
        events[1].Scalars.Single(s => s.Tag == "total_loss").Value.Should().Be((float)lines[0].GetProperty("total_loss").GetDouble());
        progress.ToString().Split('\n').Where(l => l.StartsWith("iter ", StringComparison.Ordinal)).Should().HaveCount(3)
            .And.Contain(l => l.StartsWith("iter 3/7  eta ", StringComparison.Ordinal) && l.Contains("total_loss") && l.Contains(" it/s  mem "));
        File.ReadAllText(Path.Combine(_dir.Path, RunLog.FileName)).Should().Contain("training done at iteration 7");
    }

    [Fact]
    public void Evaluation_iterations_are_logged_too_with_their_metrics()
    {
        using var model = new TinyNet();
        var setup = TinyRuns.Setup(_dir.Path, model, TinyRuns.Solver(5), logPeriod: 2) with
        {
            Evaluation = new ScriptedEvaluation(0.1, 0.2),
            Test = new() { EvalPeriod = 3 },
        };

        var result = new Trainer(setup).Run(TrainingStart.FromScratch);

        var lines = File.ReadAllLines(Path.Combine(_dir.Path, MetricsJsonl.FileName)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.Select(l => l.GetProperty("iteration").GetInt32()).Should().Equal(1, 2, 3, 4);
        lines[1].GetProperty("segm/AP").GetDouble().Should().Be(0.1);
        lines[3].GetProperty("segm/AP").GetDouble().Should().Be(0.2);
        lines[2].TryGetProperty("segm/AP", out _).Should().BeFalse();
        result.FinalMetrics["bbox/AP"].Should().Be(0.4);
    }

    private List<TensorBoardEvent> ReadEvents()
    {
        var file = Directory.GetFiles(_dir.Path, "events.out.tfevents.*").Should().ContainSingle().Subject;
        using var stream = File.OpenRead(file);
        return TfRecord.ReadAll(stream).Select(r => EventProto.Parse(r)).ToList();
    }
}
