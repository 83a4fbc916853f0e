using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Panoptic.Core.Engine.Distributed;

/// <summary>
/// <c>panoptic train --nproc N</c> (torchrun on one machine): starts N workers of <see cref="WorkerCommand"/>, rank
/// i with <c>--rank i --world-size N --master-addr 127.0.0.1 --master-port P</c> (a free port) and
/// <see cref="DistributedOptions.LocalWorldSizeVariable"/> = N, and supervises them. Rank 0 keeps this console's
/// standard output (its live display); the others' output and everyone's standard error are relayed line by line,
/// prefixed <c>[rank i]</c>. A worker that fails (exit code other than 0 and 130) has the others killed (after 5 s in
/// which they may fail on their own, as peers of a dead rank do), and the exit code of the root cause is returned, with
/// its last error lines repeated: the first failed worker whose error is not a lost peer connection (the peers of a
/// rank that died often exit before it does, with "Connection closed by peer"). Ctrl+C reaches the workers themselves (they stop after
/// the iteration, rank 0 writes a checkpoint, they exit 130); <see cref="Run"/>'s cancellation kills them.
/// </summary>
public sealed class LocalLauncher(WorkerCommand command, int processes, TextWriter log)
{
    /// <summary>What an interrupted worker exits with (128 + SIGINT); not a failure.</summary>
    public const int Interrupted = 130;

    private const int KeptErrorLines = 20;
    private static readonly TimeSpan FailureGrace = TimeSpan.FromSeconds(5);

    /// <summary>Error text of a worker that failed only because a peer went away (Gloo's TCP transport).</summary>
    private static readonly string[] PeerLossMarkers = ["Connection closed by peer", "Connection reset by peer", "Broken pipe", "gloo/transport"];
    private readonly object _lock = new();

    /// <summary>Rank 0's standard output is relayed too instead of inherited (tests; no live display).</summary>
    public bool RelayRankZeroOutput { get; init; }

    public string MasterAddr { get; init; } = "127.0.0.1";

    /// <summary>The master port; 0 picks a free one.</summary>
    public int MasterPort { get; init; }

    /// <summary>Extra environment of every worker.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Runs the workers to the end; returns 0, 130 when interrupted, or the first failed worker's exit code.</summary>
    public int Run(CancellationToken kill = default)
    {
        if (processes < 1)
            throw new ArgumentOutOfRangeException(nameof(processes), processes, "--nproc must be at least 1");
        var port = MasterPort > 0 ? MasterPort : FreePort();
        var workers = new List<Worker>();
        try
        {
            for (var rank = 0; rank < processes; rank++)
                workers.Add(Start(rank, port));
            return Supervise(workers, kill);
        }
        finally
        {
            foreach (var worker in workers)
                worker.Dispose();
        }
    }

    /// <summary>A TCP port nobody listens on right now (the OS's pick).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private int Supervise(List<Worker> workers, CancellationToken kill)
    {
        while (workers.Any(w => !w.Process.HasExited))
        {
            if (kill.IsCancellationRequested)
            {
                KillAll(workers);
                return Interrupted;
            }
            if (workers.Any(w => w.Process.HasExited && Failed(w)))
            {
                // The peers of a failed worker usually fail too, a moment later (a closed connection): let them
                // report for a short while, then stop the rest. The root cause is the one that exited first.
                var grace = System.Diagnostics.Stopwatch.StartNew();
                while (grace.Elapsed < FailureGrace && workers.Any(w => !w.Process.HasExited))
                    Thread.Sleep(50);
                KillAll(workers);
                break;
            }
            Thread.Sleep(50);
        }
        foreach (var worker in workers)
            worker.Process.WaitForExit(); // drains the relayed output
        var failures = workers.Where(w => !w.Killed && Failed(w)).OrderBy(w => w.Process.ExitTime).ToList();
        var failed = failures.FirstOrDefault(w => !LostPeer(w)) ?? failures.FirstOrDefault() ?? workers.FirstOrDefault(Failed);
        if (failed is not null)
        {
            var others = workers.Count(w => w != failed && w.Process.ExitCode != 0);
            Write($"panoptic train: worker rank {failed.Rank} failed with exit code {failed.Process.ExitCode}" +
                  (others > 0 ? $"; the other {others} worker(s) were stopped" : "") +
                  (failed.Errors.Count > 0 ? $". Its last error lines:\n  {string.Join("\n  ", failed.Errors)}" : ""));
            return failed.Process.ExitCode;
        }
        return workers.Any(w => w.Process.ExitCode == Interrupted) ? Interrupted : 0;
    }

    private static bool Failed(Worker worker) => worker.Process.ExitCode is not 0 and not Interrupted;

    private static bool LostPeer(Worker worker) =>
        worker.Errors.Any(line => PeerLossMarkers.Any(marker => line.Contains(marker, StringComparison.OrdinalIgnoreCase)));

    private Worker Start(int rank, int port)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = rank > 0 || RelayRankZeroOutput,
            RedirectStandardError = true,
        };
        foreach (var argument in command.ForRank(rank, processes, MasterAddr, port))
            info.ArgumentList.Add(argument);
        info.Environment[DistributedOptions.LocalWorldSizeVariable] = processes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in Environment)
            info.Environment[name] = value;
        var process = new Process { StartInfo = info };
        var worker = new Worker(rank, process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            worker.Errors.Enqueue(e.Data);
            while (worker.Errors.Count > KeptErrorLines)
                worker.Errors.TryDequeue(out string? _);
            Write($"[rank {rank}] {e.Data}");
        };
        if (info.RedirectStandardOutput)
        {
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                    Write($"[rank {rank}] {e.Data}");
            };
        }
        if (!process.Start())
            throw new InvalidOperationException($"could not start worker rank {rank}: {command.FileName}");
        process.BeginErrorReadLine();
        if (info.RedirectStandardOutput)
            process.BeginOutputReadLine();
        return worker;
    }

    private static void KillAll(IEnumerable<Worker> workers)
    {
        foreach (var worker in workers.Where(w => !w.Process.HasExited))
        {
            try
            {
                worker.Process.Kill(entireProcessTree: true);
                worker.Killed = true;
            }
            catch (InvalidOperationException)
            {
                // exited meanwhile
            }
        }
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            log.WriteLine(line);
            log.Flush();
        }
    }

    private sealed class Worker(int rank, Process process) : IDisposable
    {
        public int Rank { get; } = rank;

        public Process Process { get; } = process;

        public System.Collections.Concurrent.ConcurrentQueue<string> Errors { get; } = new();

        /// <summary>Stopped by the launcher (its exit code says nothing about its own state).</summary>
        public bool Killed { get; set; }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                try
                {
                    Process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }
            }
            Process.Dispose();
        }
    }
}
