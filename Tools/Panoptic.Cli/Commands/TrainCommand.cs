using System.CommandLine;
using Panoptic.Cli.Commands.Training;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Engine.Distributed;
using Panoptic.Core.Engine.Launch;
using Panoptic.Core.Hosting;

namespace Panoptic.Cli.Commands;

/// <summary>
/// <c>panoptic train --config C [overrides…] [--output DIR] [--resume] [--init-from W]</c>: trains the config's model
/// (see <c>Framework/Panoptic.Core/Engine/README.md</c>). Data parallel: <c>--nproc N</c> starts N workers of this
/// executable on this machine; <c>--rank R --world-size N --master-addr A --master-port P</c> makes this process one
/// rank of a job. Exit codes: 0 done (or stopped by a hook), 2 bad input, 3 a loss became NaN/Inf, 130 interrupted
/// by Ctrl+C (after writing a checkpoint), 1 internal error; with <c>--nproc</c>, the first failed worker's code.
/// </summary>
internal static class TrainCommand
{
    public static Command Build()
    {
        var config = new Option<string>("--config") { Required = true, Description = "Training config (YAML)." };
        var output = new Option<string?>("--output") { Description = "Output folder (sets runtime.output_dir): checkpoints/, metrics.jsonl, events.out.tfevents.*, manifest.json, config.yaml, log.txt." };
        var resume = new Option<bool>("--resume") { Description = "Continue from the newest checkpoint in the output folder (exactly, on the CPU); without one, start normally." };
        var initFrom = new Option<string?>("--init-from") { Description = "Start from these weights only: ours (.safetensors, a checkpoint or a state dict) or a PyTorch state dict (.pth, mapped by the model)." };
        var plugins = PluginsCommand.PluginOption();
        var distributed = new DistributedArguments();
        var overrides = new Argument<string[]>("overrides") { Description = "Config overrides key.path=value.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("train", "Train the config's model: checkpoints, metrics.jsonl, TensorBoard events, manifest; --resume continues a run exactly.");
        foreach (var option in new Option[] { config, output, resume, initFrom, plugins }.Concat(distributed.All))
            command.Options.Add(option);
        command.Arguments.Add(overrides);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var worker = distributed.Worker(parse);
            if (worker is null && parse.GetValue(distributed.Nproc) is var nproc and > 1)
                return LaunchWorkers(nproc);
            var allOverrides = (parse.GetValue(overrides) ?? []).ToList();
            if (parse.GetValue(output) is { } folder)
                allOverrides.Add($"runtime.output_dir={Path.GetFullPath(folder)}");
            if (parse.GetValue(initFrom) is { } weights && !File.Exists(weights))
                throw new UserInputException($"--init-from: file not found: {weights}");
            var runtime = PanopticRuntime.Load(parse.GetValue(config)!, allOverrides, PluginSelection.Default with { CommandLine = parse.GetValue(plugins) ?? [] });
            var section = runtime.Config!.Section<RuntimeSection>();
            Panoptic.Torch.Torch.Initialize(worker is not null ? worker.ThreadsPerProcess(section.Threads) : section.Threads > 0 ? section.Threads : null);
            using var interrupt = new CtrlC();
            var result = TrainingLauncher.Run(runtime, new LaunchOptions
            {
                Resume = parse.GetValue(resume),
                InitFrom = parse.GetValue(initFrom) is { } w ? Path.GetFullPath(w) : null,
                CommandLine = Environment.GetCommandLineArgs(),
                Progress = SpectreProgress.For(section.Progress),
                Blas = string.Join(", ", MappedLibraries.BlasAfterMatmul()),
                Cancellation = interrupt.Token,
                Distributed = worker,
            });
            return interrupt.Pressed && !result.Completed ? CliErrors.Interrupted : CliErrors.Ok;
        }));
        return command;
    }

    /// <summary><c>--nproc N</c>: N workers of this executable with this command line, supervised until they end.</summary>
    private static int LaunchWorkers(int nproc)
    {
        var arguments = DistributedArguments.WorkerArguments(Environment.GetCommandLineArgs().Skip(1).ToList());
        var launcher = new LocalLauncher(WorkerCommand.Self(arguments), nproc, Console.Error);
        using var kill = new CancellationTokenSource();
        var interrupts = 0;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The workers get Ctrl+C themselves and stop after the iteration; a second one kills them.
            e.Cancel = true;
            if (++interrupts > 1)
                kill.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return launcher.Run(kill.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
