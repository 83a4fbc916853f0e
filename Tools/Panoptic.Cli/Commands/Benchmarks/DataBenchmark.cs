using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Data.Synthetic;
using Panoptic.Core.Hosting;
using Panoptic.Torch.Vision;

namespace Panoptic.Cli.Commands.Benchmarks;

/// <summary>
/// <c>panoptic benchmark data</c>: images per second of the data pipeline, stage by stage — decode only; decode +
/// transforms + targets (the mapper); the loader on the caller's thread (+ padding into an ImageList); the loader
/// with background workers — for the synthetic set (generated into a temporary folder) and for the real COCO
/// panoptic sample, each through its shipped config with the built-in plugins. It then says whether the loader keeps
/// a training step fed.
/// </summary>
/// <remarks>
/// The reference is the training step, not another loader: a Panoptic FPN R18 step at 256×256 with batch 2 takes about
/// 0.5–1 s on this CPU, i.e. the model consumes at most 2–4 images/s; 10 images/s or more leaves the step never waiting.
/// On a machine whose cores are busy with other work, libtorch's OpenMP intra-op threads can make the caller's-thread
/// stages many times slower (spinning barriers); <c>PANOPTIC_NUM_THREADS=1</c> gives stable single-thread figures.
/// </remarks>
internal static class DataBenchmark
{
    private const double StepImagesPerSecond = 4;

    public static Command Build()
    {
        var images = new Option<int>("--images") { Description = "Synthetic training images to generate.", DefaultValueFactory = _ => 48 };
        var size = new Option<int>("--size") { Description = "Synthetic image side (square).", DefaultValueFactory = _ => 256 };
        var batch = new Option<int>("--batch") { Description = "Images per batch.", DefaultValueFactory = _ => 2 };
        var batches = new Option<int>("--batches") { Description = "Batches timed per loader run.", DefaultValueFactory = _ => 48 };
        var workers = new Option<int>("--workers") { Description = "Background workers of the prefetching run.", DefaultValueFactory = _ => 2 };
        var sample = new Option<string?>("--sample") { Description = "The COCO panoptic sample folder (default: shared/data/coco-panoptic-sample beside the checkout, or PANOPTIC_SHARED_DATA)." };
        var command = new Command("data", "Time decode + transform + batching (images/s) on the synthetic set and the real COCO sample; says whether a training step is kept fed.");
        foreach (var option in new Option[] { images, size, batch, batches, workers, sample })
            command.Options.Add(option);
        command.SetAction(parse => CliErrors.Run(() => Run(
            Positive(parse.GetValue(images), "--images"), Positive(parse.GetValue(size), "--size"), Positive(parse.GetValue(batch), "--batch"),
            Positive(parse.GetValue(batches), "--batches"), Math.Max(1, parse.GetValue(workers)), parse.GetValue(sample))));
        return command;
    }

    private static int Run(int images, int size, int batch, int batches, int workers, string? sample)
    {
        Console.WriteLine($"data benchmark: batch {batch}, {batches} batches per loader run, {Environment.ProcessorCount} core(s), {Panoptic.Torch.Torch.NumThreads} libtorch intra-op thread(s) (PANOPTIC_NUM_THREADS)");
        var folder = Path.Combine(Path.GetTempPath(), $"panoptic-data-bench-{Environment.ProcessId}");
        var slowest = double.MaxValue;
        try
        {
            var clock = Stopwatch.StartNew();
            SyntheticDatasetWriter.Write(new SyntheticDatasetOptions { OutputDir = folder, TrainImages = images, ValImages = 1, Width = size, Height = size, Seed = 1 });
            Console.WriteLine($"  generated {images} synthetic {size}x{size} images in {clock.Elapsed.TotalSeconds:0.00} s ({images / clock.Elapsed.TotalSeconds:0} images/s, all cores)");
            var layout = new SyntheticLayout(folder);
            slowest = Math.Min(slowest, Measure($"synthetic {size}x{size} (synthetic_panoptic.yaml: resize 224–288, flip)", "base/datasets/synthetic_panoptic.yaml",
                [$"dataset.train.0.image_root={layout.ImageFolder("train")}", $"dataset.train.0.annotation_file={layout.PanopticJson("train")}"], batch, batches, workers));
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }

        if (FindSample(sample) is { } root)
        {
            slowest = Math.Min(slowest, Measure("COCO sample 640x427/640x360 JPEG (coco_panoptic.yaml: resize 640–800, max 1333, flip)", "base/datasets/coco_panoptic.yaml",
            [
                $"dataset.train.0.image_root={Path.Combine(root, "input_images")}",
                $"dataset.train.0.annotation_file={Path.Combine(root, "panoptic_examples.json")}",
                $"dataset.train.0.panoptic_root={Path.Combine(root, "panoptic_examples")}",
            ], batch, batches, workers));
        }
        else
        {
            Console.WriteLine("  COCO sample not found (use --sample DIR or PANOPTIC_SHARED_DATA): skipped");
        }

        Console.WriteLine();
        var fed = slowest >= StepImagesPerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verdict: the slowest prefetching loader delivers {slowest:0.0} images/s; a Panoptic FPN R18 step (256x256, batch 2, ~0.5–1 s) consumes at most {StepImagesPerSecond:0} images/s: {(fed ? "the loader keeps the step fed" : "the loader is the bottleneck")}"));
        return CliErrors.Ok;
    }

    /// <summary>Times the four stages of one config's training pipeline and returns the prefetching loader's images/s.</summary>
    private static double Measure(string title, string config, string[] overrides, int batch, int batches, int workers)
    {
        Console.WriteLine();
        Console.WriteLine($"  {title}");
        var runtime = PanopticRuntime.Load(ConfigPath(config), overrides);
        var pipeline = DataPipeline.From(runtime.Services);
        var dataset = pipeline.LoadTrain();
        var mapper = pipeline.Mapper(isTrain: true);
        var count = batch * batches;
        var records = Enumerable.Range(0, count).Select(i => dataset.Records[i % dataset.Records.Count]).ToList();
        var order = pipeline.Section.ImageFormat == ImageFormat.RGB ? ColorOrder.Rgb : ColorOrder.Bgr;

        for (var i = 0; i < Math.Min(4, records.Count); i++)
            mapper.Map(records[i], new Random(i)).Dispose(); // warm-up: library loading, first-call costs
        Console.WriteLine($"    {"stage",-46} {"threads",7} {"seconds",8} {"images/s",9}");
        Row("decode (OpenCV)", "1", Time(() => records.ForEach(r => ImageCodec.Read(r.FileName, order).Dispose())), count);
        Row("decode + transforms + targets (mapper)", "1", Time(() =>
        {
            for (var i = 0; i < records.Count; i++)
                mapper.Map(records[i], new Random(i)).Dispose();
        }), count);
        Row("loader, caller's thread (+ ImageList padding)", "1", TimeLoader(pipeline, dataset, batch, batches, 0), count);
        var seconds = TimeLoader(pipeline, dataset, batch, batches, workers);
        Row($"loader, {workers} prefetching workers", workers.ToString(CultureInfo.InvariantCulture), seconds, count);
        return count / seconds;
    }

    private static double TimeLoader(DataPipeline pipeline, LoadedDataset dataset, int batch, int batches, int workers)
    {
        var loader = new DataLoader(dataset.Records, pipeline.Mapper(isTrain: true), pipeline.TrainLoader(dataset, batch, 1).Settings with { NumWorkers = workers });
        using var stream = loader.Batches().GetEnumerator();
        stream.MoveNext();
        stream.Current.Dispose();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < batches && stream.MoveNext(); i++)
            stream.Current.Dispose();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private static void Row(string stage, string threads, double seconds, int images) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {stage,-46} {threads,7} {seconds,8:0.00} {images / seconds,9:0.0}"));

    private static string ConfigPath(string relative)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "Configs", relative);
                if (File.Exists(path))
                    return path;
            }
        }
        throw new UserInputException($"Configs/{relative} not found above {AppContext.BaseDirectory} or the working directory");
    }

    private static string? FindSample(string? given)
    {
        if (given is not null)
            return Directory.Exists(given) ? given : throw new UserInputException($"--sample: folder not found: {given}");
        if (Environment.GetEnvironmentVariable("PANOPTIC_SHARED_DATA") is { Length: > 0 } shared)
            return Path.Combine(shared, "coco-panoptic-sample");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "coco-panoptic-sample");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new UserInputException($"{option} must be positive, got {value}");
}
