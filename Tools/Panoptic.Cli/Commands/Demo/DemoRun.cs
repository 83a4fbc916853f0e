using System.Diagnostics;
using System.Globalization;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Data.Synthetic;
using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Engine.Launch;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Hosting;

namespace Panoptic.Cli.Commands.Demo;

/// <summary>
/// <c>panoptic demo</c>: generates the synthetic panoptic dataset, trains the demo Panoptic FPN on it (evaluating PQ
/// and COCO AP on the validation split along the way), runs the trained model on a few validation images and writes
/// <c>report.md</c> with the metrics, the loss curve and the overlays.
/// </summary>
internal static class DemoRun
{
    public static DemoOutcome Run(DemoOptions options, ITrainingProgress progress, string blas, CancellationToken cancellation)
    {
        options.Validate();
        var total = Stopwatch.StartNew();
        var output = Directory.CreateDirectory(options.OutputDir).FullName;
        var config = Path.Combine(Benchmarks.ModelPeer.RepositoryRoot(), DemoOptions.Config);

        var clock = Stopwatch.StartNew();
        var data = Path.Combine(output, "data");
        var summaries = SyntheticDatasetWriter.Write(new SyntheticDatasetOptions
        {
            OutputDir = data,
            TrainImages = options.TrainImages,
            ValImages = options.ValImages,
            Width = options.ImageSize,
            Height = options.ImageSize,
            Seed = options.Seed,
        });
        var dataSeconds = clock.Elapsed.TotalSeconds;
        progress.Message($"[1/4] synthetic dataset: {string.Join(", ", summaries.Select(s => $"{s.Images} {s.Split} images ({s.Things} things)"))} in {data} ({dataSeconds:0.0} s)");

        // The demo owns train/: a previous demo's metrics and checkpoints would mix with this run's.
        var trainDir = Path.Combine(output, "train");
        if (Directory.Exists(trainDir))
            Directory.Delete(trainDir, recursive: true);
        Environment.SetEnvironmentVariable("PANOPTIC_SYNTHETIC", data);
        var overrides = Overrides(options, trainDir);
        var runtime = PanopticRuntime.Load(config, overrides);
        var solver = runtime.Config!.Section<SolverSection>();
        clock.Restart();
        var baseline = DemoBaseline.Evaluate(runtime, options.Seed, Path.Combine(output, "baseline"));
        var baselineSeconds = clock.Elapsed.TotalSeconds;
        if (baseline is not null)
            progress.Message($"      before training: {DemoReport.Headline(baseline)} ({baselineSeconds:0.0} s)");
        progress.Message($"[2/4] training Panoptic FPN (ResNet-18 + FPN, from scratch) for {solver.MaxIter} iterations of {solver.ImsPerBatch} images on the CPU; output {trainDir}");
        clock.Restart();
        var result = TrainingLauncher.Run(runtime, new LaunchOptions
        {
            CommandLine = Environment.GetCommandLineArgs(),
            Progress = progress,
            Blas = blas,
            Cancellation = cancellation,
        });
        var trainSeconds = clock.Elapsed.TotalSeconds;
        if (!result.Completed)
            return new DemoOutcome(result, null, trainSeconds);

        clock.Restart();
        var weights = Path.Combine(trainDir, "checkpoints", CheckpointStore.FinalName);
        progress.Message($"[3/4] predicting {options.OverlayImages} validation images with {weights}");
        var panels = DemoPredictions.Run(config, overrides, weights, options.OverlayImages);
        var predictSeconds = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var report = DemoReport.Write(new DemoReportInput
        {
            OutputDir = output,
            TrainDir = trainDir,
            Options = options,
            Config = DemoOptions.Config,
            Solver = solver,
            Result = result,
            Panels = panels,
            Baseline = baseline,
            Seconds = new Dictionary<string, double>
            {
                ["generate"] = dataSeconds,
                ["evaluate untrained"] = baselineSeconds,
                ["train + evaluate"] = trainSeconds,
                ["predict"] = predictSeconds,
            },
        });
        progress.Message($"      after training: {DemoReport.Headline(result.FinalMetrics)}");
        progress.Message($"[4/4] report written in {clock.Elapsed.TotalSeconds:0.0} s; demo done in {total.Elapsed.TotalMinutes:0.0} min");
        return new DemoOutcome(result, report, trainSeconds);
    }

    /// <summary>The demo's overrides: output folder, seed and, with <c>--iterations</c>, a schedule scaled to it.</summary>
    private static List<string> Overrides(DemoOptions options, string trainDir)
    {
        var list = new List<string>
        {
            $"runtime.output_dir={trainDir}",
            $"runtime.seed={options.Seed.ToString(CultureInfo.InvariantCulture)}",
        };
        if (options.Iterations is { } n)
        {
            // Same shape as the config's schedule: decay at 75% and 92%, three evaluations, one checkpoint at the end.
            list.Add($"solver.max_iter={n}");
            list.Add($"solver.steps=[{(int)(n * 0.75)},{(int)(n * 0.92)}]");
            list.Add($"solver.warmup_iters={Math.Min(100, n / 10)}");
            list.Add($"solver.checkpoint_period={n}");
            list.Add($"test.eval_period={Math.Max(1, n / 3)}");
        }
        return list;
    }
}

/// <summary>How the demo ended.</summary>
/// <param name="Training">The training run.</param>
/// <param name="Report">report.md, or null when training did not complete.</param>
/// <param name="TrainSeconds">Wall time of training and its evaluations.</param>
internal sealed record DemoOutcome(TrainingResult Training, string? Report, double TrainSeconds);
