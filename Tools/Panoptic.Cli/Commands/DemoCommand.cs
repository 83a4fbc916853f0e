using System.CommandLine;
using Panoptic.Cli.Commands.Demo;
using Panoptic.Cli.Commands.Training;
using Panoptic.Core.Config.Sections;

namespace Panoptic.Cli.Commands;

/// <summary>
/// <c>panoptic demo [--output DIR]</c>: the main job for a newcomer — generate the synthetic panoptic dataset, train a
/// small Panoptic FPN on the CPU, evaluate PQ and COCO AP, and write <c>report.md</c> (metrics, loss curve, overlays).
/// Exit codes as <c>panoptic train</c>.
/// </summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--output") { Description = "Folder for data/, train/, report.md and figures.", DefaultValueFactory = _ => Path.Combine("output", "demo") };
        var iterations = new Option<int?>("--iterations") { Description = $"Training iterations (default: the demo config's, {DemoOptions.Config})." };
        var train = new Option<int>("--train-images") { Description = "Synthetic training images.", DefaultValueFactory = _ => 200 };
        var val = new Option<int>("--val-images") { Description = "Synthetic validation images.", DefaultValueFactory = _ => 50 };
        var size = new Option<int>("--size") { Description = "Image side in pixels.", DefaultValueFactory = _ => 256 };
        var seed = new Option<ulong>("--seed") { Description = "Dataset and training seed (same seed, same numbers on this machine).", DefaultValueFactory = _ => 0UL };
        var overlays = new Option<int>("--overlays") { Description = "Validation images in the overlay grid.", DefaultValueFactory = _ => 6 };
        var command = new Command("demo", "Generate the synthetic dataset, train a small Panoptic FPN on the CPU, evaluate, and write report.md.");
        foreach (var option in new Option[] { output, iterations, train, val, size, seed, overlays })
            command.Options.Add(option);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            Panoptic.Torch.Torch.Initialize();
            var progress = SpectreProgress.For(ProgressMode.Auto);
            using var interrupt = new CtrlC();
            var outcome = DemoRun.Run(new DemoOptions
            {
                OutputDir = parse.GetValue(output)!,
                Iterations = parse.GetValue(iterations),
                TrainImages = parse.GetValue(train),
                ValImages = parse.GetValue(val),
                ImageSize = parse.GetValue(size),
                Seed = parse.GetValue(seed),
                OverlayImages = parse.GetValue(overlays),
            }, progress, string.Join(", ", MappedLibraries.BlasAfterMatmul()), interrupt.Token);
            if (outcome.Report is null)
            {
                Console.Error.WriteLine($"demo: training stopped before the end ({outcome.Training.StopReason}); no report written");
                return interrupt.Pressed ? CliErrors.Interrupted : CliErrors.Internal;
            }
            Console.WriteLine($"report: {outcome.Report}");
            return CliErrors.Ok;
        }));
        return command;
    }
}
