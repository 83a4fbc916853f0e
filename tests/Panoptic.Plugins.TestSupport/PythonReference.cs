using System.Diagnostics;

namespace Panoptic.Plugins.TestSupport;

/// <summary>
/// Runs Debian's PyTorch/torchvision (<c>/usr/bin/python3</c>, or <c>PANOPTIC_PYTHON</c>) to produce reference values
/// at test time. The test command installs python3-torchvision; a missing interpreter is a failure with instructions.
/// </summary>
public static class PythonReference
{
    public static string Interpreter =>
        Environment.GetEnvironmentVariable("PANOPTIC_PYTHON") is { Length: > 0 } p ? p : "/usr/bin/python3";

    /// <summary>Runs the Python file <paramref name="scriptPath"/> with <paramref name="args"/>; returns stdout.</summary>
    /// <param name="scriptPath">The script.</param>
    /// <param name="threads">Torch threads of the reference (the script reads <c>PANOPTIC_REFERENCE_THREADS</c>); also OMP's.</param>
    /// <param name="args">Arguments after the script.</param>
    public static string RunFile(string scriptPath, int threads, params string[] args)
    {
        var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(scriptPath);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["OMP_NUM_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["PANOPTIC_REFERENCE_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Interpreter}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"reference script timed out: {scriptPath}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"reference script {Path.GetFileName(scriptPath)} failed (exit {process.ExitCode}); are python3-torch and python3-torchvision installed? " +
                $"(./Tools/setup/ensure-deps.sh)\n{stderr.Result}");
        }
        return stdout.Result;
    }

    /// <summary>Runs <paramref name="script"/> (Python source) with one torch thread per <paramref name="threads"/>; returns stdout.</summary>
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

    /// <summary>A fixture script copied next to the test assembly (<c>Fixtures/…</c>).</summary>
    public static string Fixture(string relativePath) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);
}
