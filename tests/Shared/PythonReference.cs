using System.Diagnostics;
using System.Globalization;

namespace Panoptic.Tests.Shared;

/// <summary>
/// Runs Debian's PyTorch/torchvision (<c>/usr/bin/python3</c>, or <c>PANOPTIC_PYTHON</c>) to produce reference values
/// at test time. The test command installs python3-torch and python3-torchvision; a missing interpreter or module is a
/// test failure with instructions, never a skip.
/// </summary>
internal static class PythonReference
{
    public static string Interpreter =>
        Environment.GetEnvironmentVariable("PANOPTIC_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> (Python source) single-threaded with the given arguments; returns stdout.</summary>
    public static string Run(string script, params string[] args) => Run(script, 1, args);

    /// <summary>Runs <paramref name="script"/> (Python source) with <paramref name="threads"/> torch/OpenMP threads; returns stdout.</summary>
    public static string Run(string script, int threads, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pn-ref-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            return RunFile(file, threads, args);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Runs the Python file <paramref name="scriptPath"/>; <paramref name="threads"/> goes to OMP_NUM_THREADS and to
    /// PANOPTIC_REFERENCE_THREADS (which scripts pass to torch.set_num_threads). Returns stdout.
    /// </summary>
    public static string RunFile(string scriptPath, int threads, params string[] args)
    {
        var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(scriptPath);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var n = threads.ToString(CultureInfo.InvariantCulture);
        psi.Environment["OMP_NUM_THREADS"] = n;
        psi.Environment["PANOPTIC_REFERENCE_THREADS"] = n;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Interpreter}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"reference script timed out: {scriptPath}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"reference script {Path.GetFileName(scriptPath)} failed (exit {process.ExitCode}); are python3-torch and " +
                $"python3-torchvision installed? (./Tools/setup/ensure-deps.sh)\n{stderr.Result}");
        return stdout.Result;
    }

    /// <summary>A fixture script copied next to the test assembly (<c>Fixtures/…</c>).</summary>
    public static string Fixture(string relativePath) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);
}
