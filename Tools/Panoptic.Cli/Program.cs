using System.CommandLine;
using Panoptic.Cli.Commands;

namespace Panoptic.Cli;

/// <summary>Entry point of the <c>panoptic</c> command line. Exit codes: 0 ok, 2 bad input, 1 internal error.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Panoptic: instance and panoptic segmentation in .NET over libtorch.");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        // Exceptions reach CliErrors (exit 2 for bad input, 1 for bugs) instead of System.CommandLine's handler.
        return CliErrors.Run(() => root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
    }
}
