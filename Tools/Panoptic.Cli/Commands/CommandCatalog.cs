using System.CommandLine;

namespace Panoptic.Cli.Commands;

/// <summary>The top-level command groups; each group lives in its own file and builds its own <see cref="Command"/>.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Build();
        yield return DoctorCommand.Build();
        yield return BenchmarkCommand.Build();
        yield return EvalCommand.Build();
        yield return TrainCommand.Build();
        yield return SweepCommand.Build();
        yield return InferCommand.Build();
        yield return DataCommand.Build();
        yield return ConfigCommand.Build();
        yield return PluginsCommand.Build();
    }
}
