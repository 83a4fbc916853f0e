using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Modeling;
using Panoptic.Cli.Commands.Inference;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Hosting;
using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Cli.Commands;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// <c>panoptic infer --config C --weights W --input IMG|DIR [--out DIR] [--visualize] [overrides…]</c>: builds the
/// config's model through the plugins, runs it on each image and writes COCO results (boxes [x, y, w, h], RLE masks,
/// original image coordinates) and optionally PNG overlays.
/// </summary>
internal static class InferCommand
{
    public static Command Build()
    {
        var config = new Option<string>("--config") { Required = true, Description = "Model config (YAML)." };
        var weights = new Option<string?>("--weights") { Description = "Weights: ours (.safetensors) or a torchvision Mask R-CNN state dict (.pth); sets model.weights." };
        var input = new Option<string>("--input") { Required = true, Description = "An image file, or a folder of .jpg/.jpeg/.png/.bmp images." };
        var output = new Option<string>("--out") { Description = "Output folder (results.json, overlays).", DefaultValueFactory = _ => "inference" };
        var visualize = new Option<bool>("--visualize") { Description = "Also write <image>.png with masks and boxes drawn." };
        var offset = new Option<int>("--category-id-offset")
        {
            Description = "category_id = contiguous class + this (1: torchvision's COCO classes are COCO category ids).",
            DefaultValueFactory = _ => 1,
        };
        var plugins = PluginsCommand.PluginOption();
        var overrides = new Argument<string[]>("overrides") { Description = "Config overrides key.path=value.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("infer", "Run a model on images; write COCO results JSON (and overlays).");
        foreach (var option in new Option[] { config, weights, input, output, visualize, offset, plugins })
            command.Options.Add(option);
        command.Arguments.Add(overrides);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var allOverrides = (parse.GetValue(overrides) ?? []).ToList();
            if (parse.GetValue(weights) is { } path)
            {
                if (!File.Exists(path))
                    throw new UserInputException($"--weights: file not found: {path}");
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
            using var model = (Module)runtime.Services.GetRequiredService<MetaArchitectureRegistry>().Build(spec, new MetaArchitectureContext());
            model.Eval();
            var results = new CocoResults();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < images.Count; i++)
            {
                using var scope = Torch.NewDisposeScope();
                var modelInput = ImageInputs.Load(images[i], format);
                var instances = ((IMetaArchitecture)model).Inference([modelInput])[0].Instances!;
                results.Add(ImageInputs.ImageId(images[i], i), instances, parse.GetValue(offset));
                if (parse.GetValue(visualize))
                    Overlay.Write(modelInput.Image, instances, format, Path.Combine(outputDir, Path.GetFileNameWithoutExtension(images[i]) + ".png"));
                Console.WriteLine($"{Path.GetFileName(images[i])}: {instances.Count ?? 0} detections");
            }
            var resultsPath = Path.Combine(outputDir, "results.json");
            results.Write(resultsPath);
            Console.WriteLine($"{images.Count} images, {results.Count} detections in {clock.Elapsed.TotalSeconds:F1} s; wrote {resultsPath}");
            return CliErrors.Ok;
        }));
        return command;
    }
}
