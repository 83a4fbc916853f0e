using System.Text.Json;
using FluentAssertions;
using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Engine.Launch;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Hosting;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

/// <summary>
/// A config-driven run, as <c>panoptic train</c> does it: the TinyRegressor test plugin on the synthetic dataset
/// (CocoPanoptic from the Data plugin), the default schedule from the Engine plugin, TinyScore evaluation.
/// </summary>
[Collection(NonParallelCollection.Name)]
public sealed class TrainingLauncherTests(SyntheticSet set) : IClassFixture<SyntheticSet>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_config_run_writes_checkpoints_metrics_events_config_and_a_manifest_with_plugin_hashes()
    {
        var output = Path.Combine(_dir.Path, "run");
        var shown = new StringWriter();

        var result = TrainingLauncher.Run(Load(output), new LaunchOptions { Progress = new PlainProgress(shown), CommandLine = ["train", "test"] });

        result.Completed.Should().BeTrue();
        result.Best!.Metric.Should().Be("tiny/score");
        result.FinalMetrics["tiny/images"].Should().Be(2);
        File.ReadAllLines(Path.Combine(output, MetricsJsonl.FileName)).Should().HaveCount(2, "iterations 1 and 3 are logged and evaluated");
        Directory.GetFiles(output, "events.out.tfevents.*").Should().ContainSingle();
        Directory.GetFiles(Path.Combine(output, "checkpoints")).Select(Path.GetFileName).Should().BeEquivalentTo(
            "model_0000001.safetensors", "model_final.safetensors", "model_best.safetensors", "last_checkpoint");
        File.ReadAllText(Path.Combine(output, "config.yaml")).Should().Contain("name: TinyRegressor");
        shown.ToString().Should().Contain("seed 3").And.Contain("evaluation: TinyScore on synthetic_val (2 images)");

        var manifest = RunManifest.Read(Path.Combine(output, RunManifest.FileName));
        manifest.Seed.Should().Be(3);
        manifest.SeedDrawn.Should().BeFalse();
        manifest.Start.Should().Be("fresh");
        manifest.CommandLine.Should().Equal("train", "test");
        manifest.Config.Should().Contain("best_metric: tiny/score");
        manifest.Plugins.Select(p => p.Name).Should().BeEquivalentTo("Panoptic.Plugins.Data", "Panoptic.Plugins.Engine", TestPaths.TinyModel);
        foreach (var plugin in manifest.Plugins)
            plugin.Sha256.Should().Be(AssemblyFingerprint.HashFile(plugin.Path)).And.HaveLength(64);
        manifest.Host.Select(h => h.Name).Should().Contain(["Panoptic.Core", "Panoptic.Abstractions", "Panoptic.Torch"]);
        manifest.Machine.CpuCount.Should().Be(Environment.ProcessorCount);
        manifest.Machine.Libtorch.Should().NotBeNullOrEmpty();
        JsonDocument.Parse(File.ReadAllText(Path.Combine(output, RunManifest.FileName))).RootElement
            .GetProperty("plugins")[0].GetProperty("sha256").GetString().Should().HaveLength(64);
    }

    [Fact]
    public void Resume_continues_from_the_last_checkpoint_with_its_seed_and_init_from_starts_from_weights()
    {
        var output = Path.Combine(_dir.Path, "resume");
        TrainingLauncher.Run(Load(output, "solver.max_iter=2", "solver.steps=[]"), new LaunchOptions());

        var resumed = TrainingLauncher.Run(Load(output, "runtime.seed=-1"), new LaunchOptions { Resume = true });
        var weights = Path.Combine(output, "checkpoints", CheckpointStore.FinalName);
        var initialised = TrainingLauncher.Run(Load(Path.Combine(_dir.Path, "init")), new LaunchOptions { InitFrom = weights });

        resumed.StartIteration.Should().Be(2);
        resumed.Completed.Should().BeTrue();
        RunManifest.Read(Path.Combine(output, RunManifest.FileName)).Start.Should().Be($"resume {weights}");
        initialised.StartIteration.Should().Be(0);
        RunManifest.Read(Path.Combine(_dir.Path, "init", RunManifest.FileName)).Start.Should().Be($"init-from {weights}");
    }

    private PanopticRuntime Load(string output, params string[] overrides)
    {
        var config = _dir.Write("tiny.yaml", $"""
            {set.TinyModelAndData}
            solver:
              ims_per_batch: 2
              base_lr: 0.01
              max_iter: 4
              steps: [3]
              warmup_iters: 1
              checkpoint_period: 2
              checkpoint_max_to_keep: 1
            runtime:
              output_dir: {output}
              seed: 3
              log_period: 2
            test:
              eval_period: 2
              evaluators: [{"{"}name: TinyScore{"}"}]
              best_metric: tiny/score
            """);
        var plugins = new PluginSelection
        {
            BuiltIn = false,
            Environment = false,
            CommandLine = [TestPaths.BuiltInPlugin("Panoptic.Plugins.Data"), TestPaths.BuiltInPlugin("Panoptic.Plugins.Engine"), TestPaths.TestPlugin(TestPaths.TinyModel)],
        };
        return PanopticRuntime.Load(config, overrides, plugins);
    }
}
