using System.Diagnostics;

namespace Panoptic.Core.Tests.Support;

/// <summary>
/// Runs Debian's PyTorch (<c>/usr/bin/python3</c> with python3-torch) to produce reference values at test time.
/// The test command installs python3-torch; a missing interpreter is a test failure with instructions, not a skip.
/// </summary>
internal static class PythonScripts
{
    public static string Interpreter =>
        Environment.GetEnvironmentVariable("PANOPTIC_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> (Python source) with the given arguments and returns stdout.</summary>
    public static string Run(string script, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pn-ref-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(file);
            foreach (var a in args) psi.ArgumentList.Add(a);
            psi.Environment["OMP_NUM_THREADS"] = "1";
            using var process = Process.Start(psi)
                ?? throw new InvalidOperationException($"could not start {Interpreter}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"reference script timed out: {file}");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException(
                    $"reference script failed (exit {process.ExitCode}); is python3-torch installed? " +
                    $"(./Tools/setup/ensure-deps.sh)\n{stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
