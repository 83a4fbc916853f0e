using System.Text.Json;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Engine.Observability;

namespace Panoptic.Plugins.Engine.Tests.Cli;

/// <summary><c>panoptic train</c> end to end, as a child process, on the TinyRegressor test plugin and a tiny synthetic set.</summary>
[Collection(CliCollection.Name)]
public sealed class TrainCommandTests(TinyTrainingSet set) : IClassFixture<TinyTrainingSet>
{
    [Fact]
    public void Train_writes_metrics_events_manifest_config_and_checkpoints_then_resume_continues()
    {
        var output = set.Output("run");

        var (code, stdout, stderr) = CliRun.Run("train", "--config", set.Config, "--output", output);

        code.Should().Be(0, stderr);
        stdout.Should().Contain("seed 11").And.Contain("iter 2/6").And.Contain("evaluation after iteration 2").And.Contain("training done at iteration 6");
        File.ReadAllLines(Path.Combine(output, MetricsJsonl.FileName)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("iteration").GetInt32())
            .Should().Equal(1, 2, 3, 5);
        Directory.GetFiles(output, "events.out.tfevents.*").Should().ContainSingle();
        var manifest = RunManifest.Read(Path.Combine(output, RunManifest.FileName));
        manifest.Plugins.Should().Contain(p => p.Name == "Panoptic.TestPlugins.TinyModel" && p.Sha256.Length == 64);
        manifest.Plugins.Should().Contain(p => p.Name == "Panoptic.Plugins.Engine");
        manifest.Machine.Blas.Should().NotBeNull();
        File.Exists(Path.Combine(output, "config.yaml")).Should().BeTrue();
        File.Exists(Path.Combine(output, "log.txt")).Should().BeTrue();
        Directory.GetFiles(Path.Combine(output, "checkpoints")).Select(Path.GetFileName).Should().BeEquivalentTo(
            "model_0000002.safetensors", "model_final.safetensors", "model_best.safetensors", "last_checkpoint");

        var (again, resumed, resumeError) = CliRun.Run("train", "--config", set.Config, "--output", output, "--resume", "solver.max_iter=8", "solver.steps=[4]");

        again.Should().Be(0, resumeError);
        resumed.Should().Contain($"resumed from {Path.Combine(output, "checkpoints", "model_final.safetensors")} at iteration 6")
            .And.Contain("the config differs from the checkpoint's in 1 key(s): solver.max_iter: 6 → 8")
            .And.Contain("training done at iteration 8");
    }

    [Fact]
    public void A_loss_that_becomes_NaN_exits_with_code_3_and_the_loss_dict()
    {
        var (code, _, stderr) = CliRun.Run("train", "--config", set.Config, "--output", set.Output("nan"), "model.nan_at_call=2");

        code.Should().Be(3);
        stderr.Should().Contain("error: loss became infinite or NaN at iteration 2: {loss_count = NaN, loss_color = ");
    }

    [Fact]
    public void A_bad_key_exits_with_code_2_naming_the_key_and_what_is_valid()
    {
        var (code, _, stderr) = CliRun.Run("train", "--config", set.Config, "--output", set.Output("bad"), "solver.grad_accumulation_steps=3");

        code.Should().Be(2);
        stderr.Should().Contain("solver.grad_accumulation_steps: grad_accumulation_steps 3 does not divide ims_per_batch 2; use a divisor of 2");
    }

    [Fact]
    public void An_early_stopping_metric_the_evaluation_lacks_exits_with_code_2()
    {
        var (code, _, stderr) = CliRun.Run("train", "--config", set.Config, "--output", set.Output("hook"), "runtime.hooks=[{name: EarlyStopping, metric: segm/AP}]");

        code.Should().Be(2, stderr);
        stderr.Should().Contain("error: EarlyStopping: metric 'segm/AP' (runtime.hooks: metric) is not among the evaluation's metrics; valid: ");
    }

    [Fact]
    public void Init_from_a_missing_file_exits_with_code_2()
    {
        var (code, _, stderr) = CliRun.Run("train", "--config", set.Config, "--output", set.Output("init"), "--init-from", "/nowhere/w.pth");

        code.Should().Be(2);
        stderr.Should().Contain("--init-from: file not found: /nowhere/w.pth");
    }
}

/// <summary>Command-line runs are heavy (a process each): one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "command line";
}
