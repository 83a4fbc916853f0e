using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Panoptic.Core.Data.Synthetic;
using Panoptic.Core.Engine.Distributed;
using Panoptic.Core.Engine.Observability;

namespace Panoptic.Cli.Commands.Benchmarks;

/// <summary>
/// <c>panoptic benchmark train</c>: training images per second of the synthetic Panoptic FPN R18 recipe
/// (<c>Configs/synthetic/panoptic_fpn_r18_synthetic.yaml</c>) with 1 process and with N processes (data parallel,
/// Gloo on loopback, <c>panoptic train --nproc N</c>, cores/N threads each), at the same global batch. Each run is a
/// real <c>panoptic train</c> of warm-up + timed iterations (no evaluation, no periodic checkpoint); the figure is
/// <c>ims_per_batch</c> ÷ the mean of rank 0's per-iteration <c>time</c> in <c>metrics.jsonl</c> over the timed
/// iterations (start-up, model building and the final checkpoint are not counted). Without <c>--data</c>, a synthetic
/// set is generated into a temporary folder (as <c>panoptic data synth</c> does).
/// </summary>
internal static class TrainBenchmark
{
    private const string Recipe = "panoptic_fpn_r18_synthetic.yaml";

    public static Command Build()
    {
        var data = new Option<string?>("--data") { Description = "A synthetic dataset folder (panoptic data synth --out DIR); default: generate one into a temporary folder." };
        var images = new Option<int>("--images") { Description = "Training images to generate (without --data).", DefaultValueFactory = _ => 32 };
        var warmup = new Option<int>("--warmup") { Description = "Iterations run before timing.", DefaultValueFactory = _ => 3 };
        var iterations = new Option<int>("--iters") { Description = "Iterations timed.", DefaultValueFactory = _ => 10 };
        var processes = new Option<int[]>("--nproc") { Description = "Process counts to compare.", DefaultValueFactory = _ => [1, 2], AllowMultipleArgumentsPerToken = true };
        var overrides = new Argument<string[]>("overrides") { Description = "Extra config overrides key.path=value (e.g. solver.ims_per_batch=8).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("train", "Training images/s of the synthetic Panoptic FPN R18 recipe with 1 and 2 processes (data parallel, Gloo).");
        foreach (var option in new Option[] { data, images, warmup, iterations, processes })
            command.Options.Add(option);
        command.Arguments.Add(overrides);
        command.SetAction(parse => CliErrors.Run(() => Run(parse.GetValue(data), Math.Max(4, parse.GetValue(images)), Math.Max(1, parse.GetValue(warmup)),
            Math.Max(1, parse.GetValue(iterations)), parse.GetValue(processes) ?? [1, 2], parse.GetValue(overrides) ?? [])));
        return command;
    }

    private static int Run(string? data, int images, int warmup, int iterations, int[] processes, string[] overrides)
    {
        var config = Path.Combine(ModelPeer.RepositoryRoot(), "Configs", "synthetic", Recipe);
        var scratch = Path.Combine(Path.GetTempPath(), $"panoptic-train-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(scratch);
        try
        {
            if (data is null)
            {
                data = Path.Combine(scratch, "data");
                var clock = Stopwatch.StartNew();
                SyntheticDatasetWriter.Write(new SyntheticDatasetOptions { OutputDir = data, TrainImages = images, ValImages = 1, Width = 256, Height = 256, Seed = 0 });
                Console.WriteLine($"generated {images} synthetic 256x256 training images into {data} ({clock.Elapsed.TotalSeconds:0.0} s)");
            }
            Console.WriteLine($"train benchmark: {Recipe}, {warmup} warm-up + {iterations} timed iterations, {Environment.ProcessorCount} core(s)");
            var results = new List<(int Processes, double ImagesPerSecond, int Batch)>();
            foreach (var n in processes.Where(n => n >= 1).Distinct())
            {
                var output = Path.Combine(scratch, $"run-{n}");
                var (batch, seconds) = TrainOnce(config, data, output, n, warmup, iterations, overrides);
                results.Add((n, batch / seconds, batch));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {n} process(es) × {ThreadsPerProcess(n)} thread(s): {seconds:0.000} s/iteration, {batch / seconds:0.00} images/s (global batch {batch})"));
            }
            if (results.Count > 1)
            {
                var baseline = results[0];
                Console.WriteLine();
                foreach (var r in results.Skip(1))
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{r.Processes} processes vs {baseline.Processes}: {r.ImagesPerSecond / baseline.ImagesPerSecond:0.00}x images/s"));
            }
            return CliErrors.Ok;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>One <c>panoptic train</c> run; returns the global batch and rank 0's mean seconds per timed iteration.</summary>
    private static (int Batch, double Seconds) TrainOnce(string config, string data, string output, int processes, int warmup, int iterations, string[] overrides)
    {
        string[] arguments =
        [
            "train", "--config", config, "--output", output,
            $"solver.max_iter={warmup + iterations}", "solver.steps=[]", "solver.warmup_iters=0",
            "solver.checkpoint_period=1000000", "test.evaluators=[]", "runtime.log_period=1", "runtime.progress=plain", "runtime.tensorboard=false",
            .. overrides,
        ];
        if (processes > 1)
            arguments = [.. arguments, "--nproc", processes.ToString(CultureInfo.InvariantCulture)];
        var command = WorkerCommand.Self(arguments);
        var info = new ProcessStartInfo(command.FileName) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in command.Arguments)
            info.ArgumentList.Add(argument);
        info.Environment["PANOPTIC_SYNTHETIC"] = data;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start panoptic train");
        process.OutputDataReceived += (_, e) => { };
        process.BeginOutputReadLine();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"panoptic train --nproc {processes} exited with code {process.ExitCode} (its error is above)");
        var lines = File.ReadAllLines(Path.Combine(output, MetricsJsonl.FileName)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var timed = lines.Where(l => l.GetProperty("iteration").GetInt32() >= warmup).Select(l => l.GetProperty("time").GetDouble()).ToList();
        if (timed.Count == 0)
            throw new InvalidOperationException($"{output}/metrics.jsonl has no timed iteration");
        var manifest = RunManifest.Read(Path.Combine(output, RunManifest.FileName));
        var batch = int.Parse(System.Text.RegularExpressions.Regex.Match(manifest.Config, @"ims_per_batch:\s*(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        return (batch, timed.Average());
    }

    private static int ThreadsPerProcess(int processes) =>
        new DistributedOptions { Rank = 0, WorldSize = processes, MasterPort = 1, LocalWorldSize = processes }.ThreadsPerProcess(0) ?? Environment.ProcessorCount;
}
