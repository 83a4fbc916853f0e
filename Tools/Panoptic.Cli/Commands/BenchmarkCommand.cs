using System.CommandLine;

namespace Panoptic.Cli.Commands;

/// <summary><c>panoptic benchmark …</c>: each subcommand prints its figures next to the peer's (PyTorch, torchvision, pycocotools).</summary>
internal static class BenchmarkCommand
{
    public static Command Build()
    {
        var command = new Command("benchmark", "Measure speed against the reference implementation on this machine.");
        // One line per benchmark; each lives in Commands/Benchmarks/<Name>Benchmark.cs.
        command.Subcommands.Add(Benchmarks.OpsBenchmark.Build());
        command.Subcommands.Add(Benchmarks.EvalBenchmark.Build());
        command.Subcommands.Add(Benchmarks.ModelBenchmark.Build());
        command.Subcommands.Add(Benchmarks.DataBenchmark.Build());
        command.Subcommands.Add(Benchmarks.TrainBenchmark.Build());
        return command;
    }
}
