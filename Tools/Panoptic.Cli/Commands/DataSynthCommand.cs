using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Panoptic.Core.Data.Synthetic;

namespace Panoptic.Cli.Commands;

/// <summary><c>panoptic data synth --out DIR …</c>: the deterministic synthetic panoptic dataset (images, COCO instances and panoptic files).</summary>
internal static class DataSynthCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--out") { Required = true, Description = "Folder to write (images/, annotations/)." };
        var train = new Option<int>("--train") { Description = "Training images.", DefaultValueFactory = _ => 200 };
        var val = new Option<int>("--val") { Description = "Validation images.", DefaultValueFactory = _ => 50 };
        var size = new Option<string>("--size") { Description = "Image size WxH (at least 32x32).", DefaultValueFactory = _ => "256x256" };
        var seed = new Option<ulong>("--seed") { Description = "Same seed, same bytes.", DefaultValueFactory = _ => 0UL };
        var format = new Option<string>("--instance-format") { Description = "Instance masks in the COCO instances files: rle (exact) or polygon (pixel-edge outlines, rasterise back exactly; crowds stay RLE).", DefaultValueFactory = _ => "rle" };
        var jpeg = new Option<bool>("--jpeg") { Description = "Write JPEG images (quality 95) instead of PNG." };
        var threads = new Option<int?>("--threads") { Description = "Images generated at once (default: all cores); the output does not depend on it." };
        var command = new Command("synth", "Generate the synthetic panoptic dataset: shapes (things) on textured regions (stuff), crowd clusters, exact annotations.");
        foreach (var option in new Option[] { output, train, val, size, seed, format, jpeg, threads })
            command.Options.Add(option);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var (width, height) = ParseSize(parse.GetValue(size)!);
            var options = new SyntheticDatasetOptions
            {
                OutputDir = parse.GetValue(output)!,
                TrainImages = parse.GetValue(train),
                ValImages = parse.GetValue(val),
                Width = width,
                Height = height,
                Seed = parse.GetValue(seed),
                InstanceFormat = ParseFormat(parse.GetValue(format)!),
                Jpeg = parse.GetValue(jpeg),
                MaxParallelism = parse.GetValue(threads),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new UserInputException(e.Message.Split(" (Parameter")[0]);
            }
            var clock = Stopwatch.StartNew();
            var summaries = SyntheticDatasetWriter.Write(options);
            var layout = new SyntheticLayout(options.OutputDir);
            foreach (var s in summaries)
                Console.WriteLine($"{s.Split}: {s.Images} images, {s.Things} things, {s.Crowds} crowd regions, {s.StuffSegments} stuff segments → {layout.PanopticJson(s.Split)}, {layout.InstancesJson(s.Split)}");
            Console.WriteLine($"wrote {options.OutputDir} in {clock.Elapsed.TotalSeconds:0.0} s (seed {options.Seed}, {width}x{height}, {options.InstanceFormat.ToString().ToLowerInvariant()} instances)");
            Console.WriteLine($"use it with Configs/base/datasets/synthetic_panoptic.yaml (PANOPTIC_SYNTHETIC={Path.GetFullPath(options.OutputDir)}); check it with: panoptic data check {options.OutputDir}");
            return CliErrors.Ok;
        }));
        return command;
    }

    private static (int Width, int Height) ParseSize(string text)
    {
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h))
            return (w, h);
        throw new UserInputException($"--size must be WxH (e.g. 256x256), got '{text}'");
    }

    private static InstanceFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "rle" => InstanceFormat.Rle,
        "polygon" => InstanceFormat.Polygon,
        _ => throw new UserInputException($"--instance-format must be rle or polygon, got '{text}'"),
    };
}
