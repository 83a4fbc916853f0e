using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Panoptic.Evaluation.Benchmarking;
using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Cli.Commands.Benchmarks;

/// <summary>
/// <c>panoptic benchmark eval</c>: times the COCO evaluator (segm and bbox: loading results + evaluate + accumulate +
/// summarize) and PQ (decoding both PNGs + matching) on a large deterministic synthetic workload, in images per
/// second, next to the reference tools' speed on this kind of machine.
/// </summary>
/// <remarks>
/// Reference figures (pycocotools and panopticapi cannot be installed here, so they are constants):
/// pycocotools needs about 4.5 s single-threaded for loadRes + evaluate + accumulate of 500 images × 100
/// compressed-RLE detections with about 7 ground truths each (111 images/s; target 5× = 555 images/s).
/// panopticapi's per-image work (PIL decode of two 640×480 PNGs, rgb2id, np.unique of the prediction and of the
/// combined uint64 map, the Python matching loops) was re-timed with Debian's numpy 1.24 / PIL 9.4 on this machine on
/// this workload's PNGs: 70 images/s on one core (panopticapi splits images over processes, so per core is the fair unit).
/// </remarks>
internal static class EvalBenchmark
{
    private const double PycocotoolsSegmImagesPerSecond = 500 / 4.5;
    private const double PanopticApiImagesPerSecond = 70;

    public static Command Build()
    {
        var images = new Option<int>("--images") { Description = "Images in the workload.", DefaultValueFactory = _ => 5000 };
        var categories = new Option<int>("--categories") { Description = "COCO categories.", DefaultValueFactory = _ => 80 };
        var groundTruth = new Option<int>("--gt-per-image") { Description = "Ground-truth instances per image.", DefaultValueFactory = _ => 7 };
        var detections = new Option<int>("--dets-per-image") { Description = "Detections per image.", DefaultValueFactory = _ => 100 };
        var variants = new Option<int>("--pq-variants") { Description = "Distinct PNG pairs the PQ images cycle through.", DefaultValueFactory = _ => 50 };
        var singleThread = new Option<bool>("--single-thread") { Description = "Also time the evaluators on one thread." };
        var command = new Command("eval", "Time COCO segm/bbox evaluation and PQ on a synthetic workload (images/s) against pycocotools / panopticapi.");
        foreach (var option in new Option[] { images, categories, groundTruth, detections, variants, singleThread })
            command.Options.Add(option);
        command.SetAction(parse => CliErrors.Run(() => Run(
            Positive(parse.GetValue(images), "--images"),
            Positive(parse.GetValue(categories), "--categories"),
            Positive(parse.GetValue(groundTruth), "--gt-per-image"),
            Positive(parse.GetValue(detections), "--dets-per-image"),
            Positive(parse.GetValue(variants), "--pq-variants"),
            parse.GetValue(singleThread))));
        return command;
    }

    private static int Run(int images, int categories, int groundTruth, int detections, int variants, bool singleThread)
    {
        Console.WriteLine($"eval benchmark: {images} images, {categories} categories, {groundTruth} ground truths and {detections} detections per image (compressed RLE), {Environment.ProcessorCount} core(s)");
        var clock = Stopwatch.StartNew();
        var workload = CocoWorkload.Generate(images, categories, groundTruth, detections);
        Console.WriteLine($"  generated COCO workload in {clock.Elapsed.TotalSeconds:0.0} s ({workload.Detections.Count} detections)");

        var threadCounts = singleThread ? new int?[] { 1, null } : [null];
        Console.WriteLine();
        Console.WriteLine($"  {"evaluation",-34} {"threads",7} {"seconds",8} {"images/s",10}  {"reference",-36} result");
        foreach (var type in new[] { CocoIouType.Segm, CocoIouType.Bbox })
        {
            foreach (var threads in threadCounts)
            {
                var options = new CocoEvaluationOptions { IouType = type, MaxDegreeOfParallelism = threads };
                clock.Restart();
                var evaluator = new CocoEvaluator(workload.GroundTruth, options);
                evaluator.AddResults(workload.Detections);
                var metrics = evaluator.Evaluate();
                var seconds = clock.Elapsed.TotalSeconds;
                var reference = type == CocoIouType.Segm
                    ? $"pycocotools {PycocotoolsSegmImagesPerSecond:0} /s: {images / seconds / PycocotoolsSegmImagesPerSecond:0.0}x"
                    : "";
                Row($"COCO {type.Name()} (load + eval + accumulate)", threads, seconds, images, reference, $"AP {metrics.Stats.AP:0.000}");
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), $"panoptic-eval-bench-{Environment.ProcessId}");
        try
        {
            clock.Restart();
            var pq = PanopticWorkload.Write(folder, images, variants);
            Console.WriteLine();
            Console.WriteLine($"  wrote PQ workload ({variants} PNG pairs of 640x480 cycled over {images} images) in {clock.Elapsed.TotalSeconds:0.0} s");
            foreach (var threads in threadCounts)
            {
                clock.Restart();
                var metrics = PanopticQualityEvaluation.Evaluate(pq.GroundTruthJson, pq.GroundTruthFolder, pq.PredictionJson, pq.PredictionFolder, threads);
                var seconds = clock.Elapsed.TotalSeconds;
                var perCore = images / seconds / (threads ?? Environment.ProcessorCount);
                Row("PQ (decode 2 PNGs + match)", threads, seconds, images,
                    $"panopticapi {PanopticApiImagesPerSecond:0} /s/core: {perCore / PanopticApiImagesPerSecond:0.0}x/core", $"PQ {metrics.All.Pq:0.000}");
            }
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        return CliErrors.Ok;
    }

    private static void Row(string name, int? threads, double seconds, int images, string reference, string result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-34} {(threads is { } t ? t.ToString(CultureInfo.InvariantCulture) : "all"),7} {seconds,8:0.00} {images / seconds,10:0} {reference,-36} {result}"));

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new UserInputException($"{option} must be positive, got {value}");
}
