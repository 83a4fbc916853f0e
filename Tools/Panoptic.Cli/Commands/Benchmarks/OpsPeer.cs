using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Panoptic.Cli.Commands.Benchmarks;

/// <summary>
/// Tools/peers/bench_ops.py running in <c>--serve</c> mode: the cases are set up and timed on command, so that its
/// repetitions interleave with ours and both sides see the same load on a shared machine.
/// </summary>
internal sealed class OpsPeer : IDisposable
{
    private const string Script = "Tools/peers/bench_ops.py";
    private readonly Process _process;

    public OpsPeer(string python, int threads, bool quick)
    {
        var script = FindScript();
        var psi = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
        };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add("--serve");
        psi.ArgumentList.Add("--threads");
        psi.ArgumentList.Add(threads.ToString(CultureInfo.InvariantCulture));
        if (quick) psi.ArgumentList.Add("--quick");
        _process = Process.Start(psi) ?? throw new UserInputException($"could not start {python} {script}");
        using var header = JsonDocument.Parse(ReadLine());
        var root = header.RootElement;
        Version = root.GetProperty("torch").GetString() ?? "?";
        Threads = root.GetProperty("threads").GetInt32();
        Blas = root.GetProperty("blas").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
    }

    public string Version { get; }
    public int Threads { get; }
    public IReadOnlyList<string> Blas { get; }

    /// <summary>Builds case <paramref name="name"/> in the peer and runs its warm-up iterations.</summary>
    public void Setup(string name, int warmup) => Expect("ok", Ask($"setup {name} {warmup}"));

    /// <summary>Wall time in seconds of one iteration of case <paramref name="name"/>, measured in the peer.</summary>
    public double Time(string name) => double.Parse(Ask($"time {name}"), CultureInfo.InvariantCulture);

    public void Drop(string name) => Expect("ok", Ask($"drop {name}"));

    private string Ask(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        return ReadLine();
    }

    private string ReadLine() =>
        _process.StandardOutput.ReadLine()
        ?? throw new UserInputException($"the PyTorch peer ({Script}) exited early with code {(_process.WaitForExit(5000) ? _process.ExitCode : -1)}; its error is above");

    private static void Expect(string expected, string answer)
    {
        if (answer != expected) throw new InvalidOperationException($"PyTorch peer answered '{answer}', expected '{expected}'");
    }

    private static string FindScript()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, Script);
                if (File.Exists(candidate)) return candidate;
            }
        throw new UserInputException($"cannot find {Script} above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}");
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
