using System.CommandLine;

namespace Panoptic.Cli.Commands;

/// <summary><c>panoptic data check|synth</c>: validate datasets, generate the synthetic panoptic dataset.</summary>
internal static class DataCommand
{
    public static Command Build()
    {
        var command = new Command("data", "Datasets: check COCO instances/panoptic data, generate the synthetic panoptic set.");
        command.Subcommands.Add(DataCheckCommand.Build());
        command.Subcommands.Add(DataSynthCommand.Build());
        return command;
    }
}
