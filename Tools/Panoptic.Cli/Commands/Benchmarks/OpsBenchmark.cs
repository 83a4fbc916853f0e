using System.CommandLine;
using System.Diagnostics;

namespace Panoptic.Cli.Commands.Benchmarks;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// <c>panoptic benchmark ops</c>: our median time per case next to Debian PyTorch's (Tools/peers/bench_ops.py, a
/// subprocess with the same thread count and the same system BLAS), and the ratio ours/PyTorch. The two sides
/// alternate repetition by repetition so that both see the same load.
/// </summary>
internal static class OpsBenchmark
{
    public static Command Build()
    {
        var threads = new Option<int>("--threads")
        {
            Description = "Intra-op threads, for both sides",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var quick = new Option<bool>("--quick") { Description = "Small shapes and few repetitions (a smoke test, not a measurement)" };
        var python = new Option<string>("--python")
        {
            Description = "Python interpreter of the peer (Debian's, with python3-torch)",
            DefaultValueFactory = _ => "/usr/bin/python3",
        };
        var command = new Command("ops", "Time conv2d and linear (forward+backward) and a chain of small ops against PyTorch.");
        command.Options.Add(threads);
        command.Options.Add(quick);
        command.Options.Add(python);
        command.SetAction(parseResult => Run(parseResult.GetValue(threads), parseResult.GetValue(quick), parseResult.GetValue(python)!));
        return command;
    }

    private static int Run(int threads, bool quick, string python)
    {
        if (threads <= 0) throw new UserInputException($"--threads must be positive, got {threads}");
        Torch.Initialize(threads); // before the first op: oneDNN keeps the thread count it saw first
        var blas = MappedLibraries.BlasAfterMatmul();
        using var peer = new OpsPeer(python, threads, quick);
        Console.WriteLine($"ops benchmark: {threads} thread(s) each side; median of timed iterations after warm-up, ours and PyTorch's alternating{(quick ? "; QUICK smoke-test shapes" : "")}");
        Console.WriteLine($"  load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"  ours:    libtorch {Torch.Version} through Panoptic.Torch, {Torch.NumThreads} thread(s), BLAS {string.Join(" + ", blas)}");
        Console.WriteLine($"           malloc: {(Torch.MallocTuned ? "large freed buffers kept for reuse (Torch.MallocTuned; PANOPTIC_MALLOC=system for glibc's defaults)" : "glibc defaults")}");
        Console.WriteLine($"  PyTorch: {peer.Version} ({python}), {peer.Threads} thread(s), BLAS {string.Join(" + ", peer.Blas)}");
        Console.WriteLine();
        Console.WriteLine($"  {"case",-48} {"ours",12} {"PyTorch",12} {"ours/PyTorch",13} {"(paired)",9}  target");
        var missed = 0;
        foreach (var c in OpsCase.All)
        {
            var (ours, theirs) = Measure(c, peer, quick);
            var ratio = Median(ours) / Median(theirs);
            var paired = Median(ours.Zip(theirs, (o, t) => o / t).ToArray());
            var met = c.Strict ? ratio < c.MaxRatio : ratio <= c.MaxRatio;
            if (!met) missed++;
            var target = c.Strict ? $"< {c.MaxRatio:0.00}x" : $"<= {c.MaxRatio:0.00}x";
            Console.WriteLine($"  {c.Description,-48} {c.Format(Median(ours)),12} {c.Format(Median(theirs)),12} {ratio,12:0.000}x {paired,8:0.000}x  {target} {(met ? "met" : "MISSED")}");
        }
        Console.WriteLine();
        Console.WriteLine("  ours/PyTorch is the ratio of the medians; (paired) the median of the per-repetition ratios, which is steadier");
        Console.WriteLine("  when other work shares the machine.");
        Console.WriteLine(missed == 0 ? "  all targets met" : $"  {missed} target(s) missed");
        return 0;
    }

    /// <summary>Our and the peer's timed iterations (seconds), taken in alternating order.</summary>
    private static (double[] Ours, double[] Peer) Measure(OpsCase c, OpsPeer peer, bool quick)
    {
        var (warmup, reps) = quick ? (1, 3) : (c.Warmup, c.Reps);
        using var bag = new TensorBag();
        var step = c.Make(quick, bag);
        for (var i = 0; i < warmup; i++) step();
        peer.Setup(c.Name, warmup);
        var ours = new double[reps];
        var theirs = new double[reps];
        for (var i = 0; i < reps; i++)
        {
            if (i % 2 == 0)
            {
                ours[i] = Time(step);
                theirs[i] = peer.Time(c.Name);
            }
            else
            {
                theirs[i] = peer.Time(c.Name);
                ours[i] = Time(step);
            }
        }
        peer.Drop(c.Name);
        return (ours, theirs);
    }

    private static double Time(Action step)
    {
        var clock = Stopwatch.StartNew();
        step();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(double[] values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
