using System.Diagnostics;

namespace Panoptic.Plugins.Engine.Tests.Cli;

/// <summary>The <c>panoptic</c> command line (<c>panoptic.dll</c>, built next to the tests) run as a child process.</summary>
internal static class CliRun
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "panoptic.dll");

    public static ProcessStartInfo StartInfo(params string[] arguments) => StartInfo(new Dictionary<string, string>(), arguments);

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["PANOPTIC_NUM_THREADS"] = "1";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return start;
    }

    /// <summary>Runs to the end; the exit code and both outputs.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) => Run(new Dictionary<string, string>(), arguments);

    /// <summary>Runs to the end with extra environment variables.</summary>
    public static (int ExitCode, string Output, string Error) Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(environment, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"panoptic {string.Join(" ", arguments)} ran over 3 minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
