using FluentAssertions;
using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Tests.Engine.Support;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

[Collection(NonParallelCollection.Name)]
public sealed class ConfigChangeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Differences_list_changed_added_and_removed_keys()
    {
        var before = new Dictionary<string, string> { ["solver.base_lr"] = "0.02", ["solver.steps"] = "[6, 8]", ["runtime.seed"] = "1" };
        var after = new Dictionary<string, string> { ["solver.base_lr"] = "0.01", ["solver.steps"] = "[6, 8]", ["test.eval_period"] = "5" };

        ConfigDifference.Compare(before, after).Select(c => c.ToString()).Should().Equal(
            "solver.base_lr: 0.02 → 0.01", "test.eval_period: (absent) → 5", "runtime.seed: 1 → (absent)");
    }

    [Fact]
    public void A_resume_with_a_changed_config_reports_the_differing_keys()
    {
        var solver = TinyRuns.Solver(4) with { CheckpointPeriod = 2 };
        var before = new ConfigSnapshot("solver: {base_lr: 0.05}\n", new Dictionary<string, string> { ["solver.base_lr"] = "0.05", ["solver.max_iter"] = "4" });
        var after = before with { Values = new Dictionary<string, string> { ["solver.base_lr"] = "0.025", ["solver.max_iter"] = "4" } };
        using (var model = new TinyNet())
            new Trainer(TinyRuns.Setup(_dir.Path, model, solver, hooks: [new RecordingHook { StopAfter = 1 }]) with { Config = before }).Run(TrainingStart.FromScratch);
        var checkpoint = new CheckpointStore(Path.Combine(_dir.Path, "checkpoints"), 0).FindLatest()!;
        var shown = new StringWriter();

        using (var model = new TinyNet())
            new Trainer(TinyRuns.Setup(_dir.Path, model, solver) with { Config = after, Progress = new PlainProgress(shown) }).Run(new TrainingStart.Resume(checkpoint));

        shown.ToString().Should().Contain("the config differs from the checkpoint's in 1 key(s): solver.base_lr: 0.05 → 0.025");
        CheckpointFile.ReadState(checkpoint).Config["solver.base_lr"].Should().Be("0.05");
    }
}
