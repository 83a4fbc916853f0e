using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Panoptic.Cli.Commands.Benchmarks;

/// <summary>
/// Tools/peers/bench_model.py in <c>--serve</c> mode: it writes the shared weights and inputs into a folder, then
/// times torchvision's inference or training step on command, so that its repetitions interleave with ours.
/// </summary>
internal sealed class ModelPeer : IDisposable
{
    private const string Script = "Tools/peers/bench_model.py";
    private readonly Process _process;

    public ModelPeer(string python, int threads, string folder, bool quick)
    {
        var script = Path.Combine(RepositoryRoot(), Script);
        var psi = new ProcessStartInfo(python) { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { script, "--serve", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", folder })
            psi.ArgumentList.Add(argument);
        if (quick)
            psi.ArgumentList.Add("--quick");
        _process = Process.Start(psi) ?? throw new UserInputException($"could not start {python} {script}");
        using var header = JsonDocument.Parse(ReadLine());
        var root = header.RootElement;
        Version = root.GetProperty("torch").GetString() ?? "?";
        Threads = root.GetProperty("threads").GetInt32();
        Blas = root.GetProperty("blas").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        Detections = root.GetProperty("detections").GetInt32();
    }

    public string Version { get; }

    public int Threads { get; }

    public IReadOnlyList<string> Blas { get; }

    /// <summary>Detections torchvision returns for the inference image.</summary>
    public int Detections { get; }

    /// <summary>Seconds of one <c>infer</c> or <c>train</c> step, measured in the peer.</summary>
    public double Time(string step)
    {
        _process.StandardInput.WriteLine($"time {step}");
        _process.StandardInput.Flush();
        var answer = ReadLine();
        return double.TryParse(answer, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw new InvalidOperationException($"torchvision peer answered '{answer}' to 'time {step}'");
    }

    /// <summary>The folder holding <c>Tools/peers</c>, found above the working directory or the host.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Script)))
                    return dir.FullName;
            }
        }
        throw new UserInputException($"cannot find {Script} above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}");
    }

    private string ReadLine() =>
        _process.StandardOutput.ReadLine()
        ?? throw new UserInputException($"the torchvision peer ({Script}) exited early with code {(_process.WaitForExit(5000) ? _process.ExitCode : -1)}; its error is above");

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10000))
                _process.Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
