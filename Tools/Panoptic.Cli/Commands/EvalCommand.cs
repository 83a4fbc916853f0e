using System.CommandLine;
using System.Text.Json;
using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.IO;
using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Cli.Commands;

/// <summary>
/// <c>panoptic eval coco|pq</c>: COCO AP (pycocotools semantics) and panoptic quality (panopticapi semantics) from
/// files, printing the official tables and optionally writing the numbers as JSON.
/// </summary>
internal static class EvalCommand
{
    public static Command Build()
    {
        var command = new Command("eval", "Evaluate predictions: COCO AP for boxes and masks, panoptic quality (PQ).");
        command.Subcommands.Add(Coco());
        command.Subcommands.Add(Pq());
        return command;
    }

    private static Command Coco()
    {
        var gt = new Option<string>("--gt") { Required = true, Description = "COCO instances ground truth JSON (images, categories, annotations)." };
        var results = new Option<string>("--results") { Required = true, Description = "Results JSON: a list of {image_id, category_id, score, bbox|segmentation}." };
        var iouType = new Option<string>("--iou-type") { Description = "segm (mask IoU on RLE) or bbox.", DefaultValueFactory = _ => "segm" };
        var keepBox = new Option<bool>("--keep-box") { Description = "segm: keep the bbox of results for their area (pycocotools' loadRes); by default it is dropped, as detectron2 does, and the mask area is used." };
        var json = new Option<string?>("--json") { Description = "Write {AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl} here (0..1, -1 where undefined)." };
        var command = new Command("coco", "COCO bbox/segm evaluation with pycocotools' semantics; prints the 12-line summary.");
        foreach (var option in new Option[] { gt, results, iouType, keepBox, json })
            command.Options.Add(option);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            if (!CocoIouTypes.TryParse(parse.GetValue(iouType), out var type))
                throw new UserInputException($"--iou-type must be 'segm' or 'bbox', got '{parse.GetValue(iouType)}'");
            var gtPath = RequireFile(parse.GetValue(gt)!, "--gt");
            var resultsPath = RequireFile(parse.GetValue(results)!, "--results");
            var dataset = CocoDataset.Load(gtPath);
            var detections = Panoptic.Evaluation.Json.CocoJsonReader.ReadResults(resultsPath);
            var options = new CocoEvaluationOptions { IouType = type, KeepBoxOnSegmResults = parse.GetValue(keepBox) };
            var metrics = CocoEvaluator.Evaluate(dataset, detections, options);
            Console.WriteLine($"Evaluate annotation type *{type.Name()}*: {metrics.ImageCount} images, {metrics.DetectionCount} results");
            foreach (var line in metrics.SummaryLines())
                Console.WriteLine(line);
            if (parse.GetValue(json) is { } output)
                WriteJson(output, writer => WriteCoco(writer, metrics.Stats));
            return CliErrors.Ok;
        }));
        return command;
    }

    private static Command Pq()
    {
        var gtJson = new Option<string>("--gt-json") { Required = true, Description = "COCO panoptic ground truth JSON (its categories tell things from stuff)." };
        var gtDir = new Option<string?>("--gt-dir") { Description = "Ground-truth PNG folder (default: --gt-json without .json)." };
        var predJson = new Option<string>("--pred-json") { Required = true, Description = "COCO panoptic predictions JSON." };
        var predDir = new Option<string?>("--pred-dir") { Description = "Prediction PNG folder (default: --pred-json without .json)." };
        var json = new Option<string?>("--json") { Description = "Write {\"All\":{pq,sq,rq,n},\"Things\":{…},\"Stuff\":{…}} here (0..1; -1 and n = 0 where no category counts)." };
        var command = new Command("pq", "Panoptic quality with panopticapi's semantics; prints the PQ/SQ/RQ table.");
        foreach (var option in new Option[] { gtJson, gtDir, predJson, predDir, json })
            command.Options.Add(option);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var metrics = PanopticQualityEvaluation.Evaluate(
                RequireFile(parse.GetValue(gtJson)!, "--gt-json"),
                parse.GetValue(gtDir),
                RequireFile(parse.GetValue(predJson)!, "--pred-json"),
                parse.GetValue(predDir));
            foreach (var line in metrics.SummaryLines())
                Console.WriteLine(line);
            if (parse.GetValue(json) is { } output)
                WriteJson(output, writer => WritePq(writer, metrics));
            return CliErrors.Ok;
        }));
        return command;
    }

    private static string RequireFile(string path, string option) =>
        File.Exists(path) ? path : throw new UserInputException($"{option}: file not found: {path}");

    private static void WriteJson(string path, Action<Utf8JsonWriter> write)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            write(writer);
        });
        Console.WriteLine($"wrote {path}");
    }

    private static void WriteCoco(Utf8JsonWriter writer, CocoSummaryStats stats)
    {
        writer.WriteStartObject();
        var values = stats.ToArray();
        for (var i = 0; i < values.Length; i++)
            writer.WriteNumber(CocoSummaryStats.Names[i], values[i]);
        writer.WriteEndObject();
    }

    private static void WritePq(Utf8JsonWriter writer, PanopticMetrics metrics)
    {
        writer.WriteStartObject();
        foreach (var (name, row) in new[] { ("All", metrics.All), ("Things", metrics.Things), ("Stuff", metrics.Stuff) })
        {
            writer.WriteStartObject(name);
            writer.WriteNumber("pq", row.Pq);
            writer.WriteNumber("sq", row.Sq);
            writer.WriteNumber("rq", row.Rq);
            writer.WriteNumber("n", row.N);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
