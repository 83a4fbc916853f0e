using System.Text.Json;
using FluentAssertions;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Engine.Distributed;
using Panoptic.Core.Engine.Launch;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Hosting;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Engine.Distributed;

/// <summary>
/// Data-parallel training in two real processes (this test assembly started as <see cref="DataParallelWorker"/> by
/// <see cref="LocalLauncher"/>, Gloo on loopback), against one in-process run of the same config: the TinyRegressor
/// test plugin on the synthetic set, 4 images per iteration (2 per rank), SGD with momentum, evaluation and
/// checkpoints every 2 iterations.
/// </summary>
[Collection(NonParallelCollection.Name)]
public sealed class DataParallelTests(SyntheticSet set) : IClassFixture<SyntheticSet>, IDisposable
{
    private const double Tolerance = 1e-5;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Two_processes_of_two_images_end_with_the_weights_losses_and_metrics_of_one_process_of_four()
    {
        var single = Path.Combine(_dir.Path, "single");
        TrainingLauncher.Run(PanopticRuntime.Load(Config(single), [], DataParallelWorker.TinyPlugins), new LaunchOptions());
        var parallel = Path.Combine(_dir.Path, "parallel");

        var (code, log) = Launch(Config(parallel));

        code.Should().Be(0, log);
        AssertSameWeights(single, parallel);
        var expected = MetricsLines(single);
        var actual = MetricsLines(parallel);
        actual.Should().HaveCount(expected.Count, "only rank 0 writes metrics.jsonl");
        expected.Count(line => line.ContainsKey("tiny/score")).Should().Be(2, "evaluated after iterations 1 and 3");
        for (var i = 0; i < expected.Count; i++)
        {
            actual[i].Keys.Should().BeEquivalentTo(expected[i].Keys);
            foreach (var name in new[] { "iteration", "loss_count", "loss_color", "total_loss", "lr", "tiny/score" }.Where(expected[i].ContainsKey))
                actual[i][name].Should().BeApproximately(expected[i][name], Tolerance, $"{name} of line {i} (losses averaged over the ranks)");
        }
        Directory.GetFiles(parallel, "events.out.tfevents.*").Should().ContainSingle("only rank 0 writes TensorBoard events");
        Directory.GetFiles(Path.Combine(parallel, "checkpoints")).Select(Path.GetFileName).Should().BeEquivalentTo(
            "model_0000001.safetensors", "model_final.safetensors", "model_best.safetensors", "last_checkpoint");
        RunManifest.Read(Path.Combine(parallel, RunManifest.FileName)).WorldSize.Should().Be(2);
    }

    [Fact]
    public void A_data_parallel_run_resumed_from_rank_zeros_checkpoint_ends_where_an_uninterrupted_one_does()
    {
        var single = Path.Combine(_dir.Path, "single");
        TrainingLauncher.Run(PanopticRuntime.Load(Config(single), [], DataParallelWorker.TinyPlugins), new LaunchOptions());
        var parallel = Path.Combine(_dir.Path, "parallel");
        var (first, firstLog) = Launch(Config(parallel), "solver.max_iter=2", "solver.steps=[]");
        first.Should().Be(0, firstLog);

        var (second, secondLog) = Launch(Config(parallel), "--resume", "runtime.seed=-1");

        second.Should().Be(0, secondLog);
        RunManifest.Read(Path.Combine(parallel, RunManifest.FileName)).Start.Should().StartWith("resume ");
        AssertSameWeights(single, parallel);
    }

    [Fact]
    public void A_worker_that_fails_stops_the_others_and_the_launch_fails_with_its_exit_code_and_error()
    {
        var output = Path.Combine(_dir.Path, "failing");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (code, log) = Launch(Config(output), "--rank1", "model.nan_at_call=1");

        code.Should().Be(3, "rank 1's loss became NaN (exit code 3); " + log);
        log.Should().Contain("worker rank 1 failed with exit code 3").And.Contain("loss_count");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(50), "rank 0, blocked in the gradient all-reduce, is stopped at once");
    }

    private (int Code, string Log) Launch(string config, params string[] arguments)
    {
        var log = new StringWriter();
        var worker = new WorkerCommand(Environment.ProcessPath!.EndsWith("dotnet", StringComparison.Ordinal) ? Environment.ProcessPath : "dotnet",
            [typeof(DataParallelWorker).Assembly.Location, DataParallelWorker.Verb, config, .. arguments]);
        var code = new LocalLauncher(worker, 2, TextWriter.Synchronized(log)) { RelayRankZeroOutput = true }.Run();
        return (code, log.ToString());
    }

    private static void AssertSameWeights(string single, string parallel)
    {
        using var expected = CheckpointFile.Load(Path.Combine(single, "checkpoints", CheckpointStore.FinalName));
        using var actual = CheckpointFile.Load(Path.Combine(parallel, "checkpoints", CheckpointStore.FinalName));
        actual.State.Iteration.Should().Be(3);
        var want = expected.ModelState.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray<float>());
        var got = actual.ModelState.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray<float>());
        got.Keys.Should().BeEquivalentTo(want.Keys);
        var initial = 0.0;
        foreach (var (name, values) in want)
        {
            for (var j = 0; j < values.Length; j++)
            {
                got[name][j].Should().BeApproximately(values[j], (float)Tolerance, $"{name}[{j}]");
                initial += Math.Abs(values[j]);
            }
        }
        initial.Should().BeGreaterThan(0);
    }

    private static List<Dictionary<string, double>> MetricsLines(string output) =>
        File.ReadAllLines(Path.Combine(output, MetricsJsonl.FileName)).Select(line =>
            JsonDocument.Parse(line).RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Number)
                .ToDictionary(p => p.Name, p => p.Value.GetDouble())).ToList();

    private string Config(string output)
    {
        return _dir.Write($"{Path.GetFileName(output)}.yaml", $"""
            {set.TinyModelAndData}
            solver:
              ims_per_batch: 4
              base_lr: 0.05
              momentum: 0.9
              max_iter: 4
              steps: [3]
              warmup_iters: 1
              checkpoint_period: 2
              checkpoint_max_to_keep: 0
            runtime:
              output_dir: {output}
              seed: 3
              log_period: 1
            test:
              eval_period: 2
              evaluators: [{"{"}name: TinyScore{"}"}]
              best_metric: tiny/score
            """);
    }
}
