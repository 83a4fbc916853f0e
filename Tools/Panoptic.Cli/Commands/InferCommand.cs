using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Modeling;
using Panoptic.Cli.Commands.Inference;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Hosting;
using Panoptic.Torch.NN;

namespace Panoptic.Cli.Commands;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// <c>panoptic infer --config C --weights W --input IMG|DIR [--out DIR] [--visualize] [overrides…]</c>: builds the
/// config's model through the plugins (with the classes of the config's test dataset when it has one), runs it on each
/// image and writes COCO results (<c>results.json</c>: boxes [x, y, w, h], RLE masks, original image coordinates) and,
/// for panoptic models, COCO panoptic predictions (<c>panoptic.json</c> + <c>panoptic/*.png</c>, ready for
/// <c>panoptic eval pq</c>); <c>--visualize</c> adds overlays (<c>vis/</c>).
/// </summary>
internal static class InferCommand
{
    public static Command Build()
    {
        var config = new Option<string>("--config") { Required = true, Description = "Model config (YAML)." };
        var weights = new Option<string?>("--weights") { Description = "Weights: ours (.safetensors, a training checkpoint) or a torchvision Mask R-CNN state dict (.pth); sets model.weights." };
        var input = new Option<string>("--input") { Required = true, Description = "An image file, or a folder of .jpg/.jpeg/.png/.bmp images." };
        var output = new Option<string>("--out") { Description = "Output folder (results.json, panoptic.json + panoptic/, vis/).", DefaultValueFactory = _ => "inference" };
        var visualize = new Option<bool>("--visualize") { Description = "Also write vis/<image>.png: the panoptic map with a legend (panoptic models) or masks and boxes." };
        var offset = new Option<int>("--category-id-offset")
        {
            Description = "Without dataset metadata: category_id = contiguous class + this (1: torchvision's COCO classes are COCO category ids).",
            DefaultValueFactory = _ => 1,
        };
        var plugins = PluginsCommand.PluginOption();
        var overrides = new Argument<string[]>("overrides") { Description = "Config overrides key.path=value.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("infer", "Run a model on images; write COCO results (and panoptic PNGs + JSON, overlays).");
        foreach (var option in new Option[] { config, weights, input, output, visualize, offset, plugins })
            command.Options.Add(option);
        command.Arguments.Add(overrides);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var allOverrides = (parse.GetValue(overrides) ?? []).ToList();
            // Ours (a checkpoint or a state dict) load strictly after the model is built; a PyTorch .pth goes through
            // model.weights so that the meta-architecture maps torchvision's names.
            string? ours = null;
            if (parse.GetValue(weights) is { } path)
            {
                if (!File.Exists(path))
                    throw new UserInputException($"--weights: file not found: {path}");
                if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
                    ours = Path.GetFullPath(path);
                else
                    allOverrides.Add($"model.weights={Path.GetFullPath(path)}");
            }
            var selection = PluginSelection.Default with { CommandLine = parse.GetValue(plugins) ?? [] };
            var runtime = PanopticRuntime.Load(parse.GetValue(config)!, allOverrides, selection);
            var threads = runtime.Config!.Section<RuntimeSection>().Threads;
            Torch.Initialize(threads > 0 ? threads : null);
            var images = ImageInputs.Find(parse.GetValue(input)!);
            var spec = runtime.Config.Model ?? throw new UserInputException($"{parse.GetValue(config)} defines no model");
            var format = runtime.Config.Section<DatasetSection>().ImageFormat;
            var outputDir = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var dataset = InferenceDataset.From(runtime);
            Console.WriteLine(dataset.Note);
            using var model = (Module)runtime.Services.GetRequiredService<MetaArchitectureRegistry>().Build(spec, new MetaArchitectureContext(dataset.Metadata));
            if (ours is not null)
                Console.WriteLine(InitialWeights.Load(model, ours, strict: true));
            model.Eval();
            var results = new CocoResults(dataset.Metadata, parse.GetValue(offset));
            PanopticResults? panoptic = null;
            var visFolder = parse.GetValue(visualize) ? Directory.CreateDirectory(Path.Combine(outputDir, "vis")).FullName : null;
            var clock = Stopwatch.StartNew();
            // The config's test transforms (ResizeShortestEdge, …) apply as in evaluation; results come back at the image's size.
            var mapper = DataPipeline.From(runtime.Services).Mapper(isTrain: false);
            for (var i = 0; i < images.Count; i++)
            {
                using var scope = Torch.NewDisposeScope();
                var original = ImageInputs.Load(images[i], format);
                var imageId = dataset.ImageId(images[i], i);
                var record = new DatasetRecord(imageId, images[i], original.Height, original.Width);
                using var mapped = mapper.Map(record, new Random(0));
                var modelInput = new ModelInput(mapped.Image, original.Height, original.Width) { Record = record };
                var prediction = ((IMetaArchitecture)model).Inference([modelInput])[0];
                if (prediction.Instances is { } instances)
                    results.Add(imageId, instances);
                if (prediction.Panoptic is { } result)
                {
                    panoptic ??= new PanopticResults(Path.Combine(outputDir, "panoptic"), dataset.Metadata);
                    panoptic.Add(imageId, images[i], result);
                }
                if (visFolder is not null)
                {
                    var target = Path.Combine(visFolder, Path.GetFileNameWithoutExtension(images[i]) + ".png");
                    if (prediction.Panoptic is { } map)
                        PanopticOverlay.Write(original.Image, map, dataset.Metadata, format, target);
                    else if (prediction.Instances is { } detections)
                        Overlay.Write(original.Image, detections, format, target);
                }
                Console.WriteLine($"{Path.GetFileName(images[i])}: {prediction.Instances?.Count ?? 0} detections" +
                                  (prediction.Panoptic is { } p ? $", {p.Segments.Count} panoptic segments" : ""));
            }
            var resultsPath = Path.Combine(outputDir, "results.json");
            results.Write(resultsPath);
            Console.WriteLine($"{images.Count} images, {results.Count} detections in {clock.Elapsed.TotalSeconds:F1} s; wrote {resultsPath}");
            if (panoptic is not null)
            {
                var panopticJson = Path.Combine(outputDir, "panoptic.json");
                panoptic.Write(panopticJson);
                Console.WriteLine($"wrote {panopticJson} and {panoptic.Count} PNGs in {Path.Combine(outputDir, "panoptic")} (evaluate: panoptic eval pq --gt-json GT.json --pred-json {panopticJson})");
            }
            if (visFolder is not null)
                Console.WriteLine($"overlays in {visFolder}");
            return CliErrors.Ok;
        }));
        return command;
    }
}
