using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Panoptic.Core.Sweeps;

/// <summary>
/// Runs each training as a child process: <c>FILE PREFIX… train --config BASE --output FOLDER --resume EXTRA…
/// OVERRIDES… runtime.threads=T runtime.progress=plain</c> with <c>PANOPTIC_NUM_THREADS=T</c>, stdout and stderr appended
/// to the run's log (the cancellation token of <see cref="Launch"/> is not used: the child gets Ctrl+C itself and
/// stops with a checkpoint). A separate process per run isolates runs (global RNG, plugins, native memory) and lets several
/// run at once.
/// </summary>
/// <param name="fileName">The executable (<c>dotnet</c>, or the <c>panoptic</c> apphost).</param>
/// <param name="prefix">Arguments before <c>train</c> (the CLI's <c>panoptic.dll</c> under <c>dotnet</c>).</param>
/// <param name="baseConfig">The base config (absolute).</param>
/// <param name="extra">Arguments after <c>--resume</c> (e.g. <c>--plugin P</c>).</param>
public sealed class ProcessSweepLauncher(string fileName, IReadOnlyList<string> prefix, string baseConfig, IReadOnlyList<string> extra) : ISweepLauncher
{
    /// <summary>The arguments of <paramref name="run"/>'s process.</summary>
    public IReadOnlyList<string> Arguments(SweepRun run, int threads) =>
    [
        .. prefix, "train", "--config", baseConfig, "--output", run.Folder, "--resume", .. extra, .. run.Overrides,
        "runtime.threads=" + threads.ToString(CultureInfo.InvariantCulture), "runtime.progress=plain",
    ];

    public int Launch(SweepRun run, int threads, CancellationToken cancellation)
    {
        Directory.CreateDirectory(run.Folder);
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
        foreach (var argument in Arguments(run, threads))
            info.ArgumentList.Add(argument);
        info.Environment["PANOPTIC_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        using var log = new StreamWriter(new FileStream(run.LogPath, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true };
        var gate = new object();
        void Write(string? line)
        {
            if (line is null)
                return;
            lock (gate)
                log.WriteLine(line);
        }
        Write($"# {DateTime.Now:yyyy-MM-dd HH:mm:ss} {fileName} {string.Join(' ', info.ArgumentList.Select(Quote))}");
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Not killed on cancellation: Ctrl+C reaches the child too, which stops after its iteration with a checkpoint.
        process.WaitForExit();
        Write($"# exit code {process.ExitCode}");
        return process.ExitCode;
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@".Contains(c)) ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
