using System.CommandLine;
using System.Reflection;
using Panoptic.Core.Hosting;
using Panoptic.Core.Sweeps;

namespace Panoptic.Cli.Commands;

/// <summary>
/// <c>panoptic sweep --config BASE --grid SWEEP.yaml [--seeds N] [--parallel K] [--output DIR] [overrides…]</c>: every
/// variant of the sweep file × every seed, each a <c>panoptic train</c> child process in its own folder; then
/// results.csv, results.md and results.png (mean ± std over seeds). Resumable: finished runs are skipped, interrupted
/// ones resumed. Exit codes: 0 all runs finished, 2 bad input (nothing launched), 4 some runs failed (the table has the
/// others), 1 internal error.
/// </summary>
internal static class SweepCommand
{
    public static Command Build()
    {
        var config = new Option<string>("--config") { Required = true, Description = "Base training config (YAML)." };
        var grid = new Option<string>("--grid") { Required = true, Description = "Sweep file: grid (key → list of values) or variants (name → overrides); see Configs/ablations/README.md." };
        var seeds = new Option<int?>("--seeds") { Description = "Seeds 0..N-1 per variant (runtime.seed); default: the sweep file's seeds, else 1." };
        var parallel = new Option<int>("--parallel") { Description = "Runs at once; the threads are split between them.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--output") { Description = "Sweep folder (default output/sweeps/<sweep file name>): one folder per variant and seed, results.csv/md/png." };
        var metrics = new Option<string[]>("--metric") { Description = "Metric to tabulate (task/metric); repeat the option for several (--metric segm/AP --metric bbox/AP); default: the sweep file's, else segm/AP, bbox/AP and panoptic/PQ when present." };
        var threads = new Option<int?>("--threads") { Description = "Threads for all runs together (default: all cores)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate every variant's config and print the runs; launch nothing." };
        var plugins = PluginsCommand.PluginOption();
        var overrides = new Argument<string[]>("overrides") { Description = "Config overrides key.path=value for every run (before the sweep's).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("sweep", "Train and evaluate a grid of config variants × seeds (child processes, resumable) and tabulate mean ± std: results.csv, results.md, results.png.");
        foreach (var option in new Option[] { config, grid, seeds, parallel, output, metrics, threads, dryRun, plugins })
            command.Options.Add(option);
        command.Arguments.Add(overrides);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var k = parse.GetValue(parallel);
            if (k < 1)
                throw new UserInputException($"--parallel must be at least 1, got {k}");
            var total = parse.GetValue(threads) ?? Environment.ProcessorCount;
            if (total < 1)
                throw new UserInputException($"--threads must be at least 1, got {total}");
            if (parse.GetValue(seeds) is { } n && n is < 1 or > 1000)
                throw new UserInputException($"--seeds must be 1..1000, got {n}");
            var gridPath = parse.GetValue(grid)!;
            var definition = SweepFile.Load(gridPath);
            var pluginPaths = (parse.GetValue(plugins) ?? []).Select(Path.GetFullPath).ToList();
            var settings = new SweepSettings
            {
                BaseConfig = parse.GetValue(config)!,
                OutputDir = parse.GetValue(output) ?? Path.Combine("output", "sweeps", Path.GetFileNameWithoutExtension(gridPath)),
                Overrides = parse.GetValue(overrides) ?? [],
                Seeds = parse.GetValue(seeds) is { } count ? Enumerable.Range(0, count).ToList() : null,
                Metrics = parse.GetValue(metrics) is { Length: > 0 } m ? m : null,
            };
            var resolver = new ConfigResolver(settings.BaseConfig, settings.Overrides, PluginSelection.Default with { CommandLine = pluginPaths });
            var plan = SweepPlanner.Plan(definition, settings, resolver);
            Console.WriteLine($"sweep '{definition.Title}': {definition.Variants.Count} variants × {plan.Seeds.Count} seeds = {plan.Runs.Count} runs → {plan.OutputDir} (every variant's config is valid)");
            if (parse.GetValue(dryRun))
            {
                foreach (var run in plan.Runs)
                    Console.WriteLine($"  {run.Name}: {run.Folder}\n    {string.Join(' ', run.Overrides)}");
                return CliErrors.Ok;
            }
            var launcher = new ProcessSweepLauncher(Environment.ProcessPath!, EntryPrefix(), plan.BaseConfig, pluginPaths.SelectMany(p => new[] { "--plugin", p }).ToList());
            using var interrupt = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                // The first Ctrl+C lets running children checkpoint and stop (they get it too) and launches nothing more.
                e.Cancel = !interrupt.IsCancellationRequested;
                interrupt.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            SweepOutcome outcome;
            try
            {
                outcome = new SweepRunner(launcher, line => Console.WriteLine(line)).Run(plan, k, total, interrupt.Token);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            var table = SweepTable.Build(plan, settings.Metrics ?? definition.Metrics);
            var files = SweepReport.Write(table, plan.OutputDir);
            Console.WriteLine();
            Console.Write(SweepReport.Markdown(table));
            Console.WriteLine($"\nwrote {string.Join(", ", files)}");
            if (outcome.Succeeded)
                return CliErrors.Ok;
            Console.Error.WriteLine($"error: {outcome.Failed.Count} of {plan.Runs.Count} runs failed (run the same command again to retry them; finished runs are skipped):");
            foreach (var failed in outcome.Failed)
                Console.Error.WriteLine($"  {failed.Run.Name}: {failed.Message}");
            return interrupt.IsCancellationRequested ? CliErrors.Interrupted : CliErrors.RunsFailed;
        }));
        return command;
    }

    /// <summary>Arguments that start this command line again: the CLI's dll when running under the <c>dotnet</c> host.</summary>
    private static IReadOnlyList<string> EntryPrefix()
    {
        var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "");
        return host.Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? [Assembly.GetEntryAssembly()!.Location] : [];
    }
}
