using System.CommandLine;
using System.Diagnostics;

namespace Panoptic.Cli.Commands.Benchmarks;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// <c>panoptic benchmark model</c>: median time of Mask R-CNN R50-FPN inference at 800×1216 (100 detections through
/// the mask head) and of one training step at batch 2 of 512×512, ours (GeneralizedRCNN, torchvision config and
/// weights) next to torchvision's (Tools/peers/bench_model.py), same threads and system BLAS, repetitions alternating.
/// </summary>
internal static class ModelBenchmark
{
    public static Command Build()
    {
        var threads = new Option<int>("--threads") { Description = "Intra-op threads, for both sides", DefaultValueFactory = _ => Environment.ProcessorCount };
        var reps = new Option<int>("--reps") { Description = "Timed repetitions per side and workload (after one warm-up)", DefaultValueFactory = _ => 5 };
        var quick = new Option<bool>("--quick") { Description = "320×480 inference, 256×256 training, 1 repetition (a smoke test, not a measurement)" };
        var python = new Option<string>("--python") { Description = "Python interpreter of the peer (Debian's, with python3-torchvision)", DefaultValueFactory = _ => "/usr/bin/python3" };
        var command = new Command("model", "Time Mask R-CNN R50-FPN inference and a training step against torchvision.");
        foreach (var option in new Option[] { threads, reps, quick, python })
            command.Options.Add(option);
        command.SetAction(parse => CliErrors.Run(() => Run(parse.GetValue(threads), parse.GetValue(quick) ? 1 : parse.GetValue(reps), parse.GetValue(quick), parse.GetValue(python)!)));
        return command;
    }

    private static int Run(int threads, int reps, bool quick, string python)
    {
        if (threads <= 0 || reps <= 0)
            throw new UserInputException($"--threads and --reps must be positive, got {threads} and {reps}");
        Torch.Initialize(threads);
        var blas = MappedLibraries.BlasAfterMatmul();
        var folder = Directory.CreateTempSubdirectory("pn-bench-model-").FullName;
        try
        {
            using var peer = new ModelPeer(python, threads, folder, quick);
            using var ours = new ModelWorkload(folder, quick);
            Console.WriteLine($"model benchmark: Mask R-CNN R50-FPN, {threads} thread(s) each side, median of {reps} after a warm-up, alternating{(quick ? "; QUICK smoke-test sizes" : "")}");
            Console.WriteLine($"  load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
            Console.WriteLine($"  ours:        libtorch {Torch.Version}, {Torch.NumThreads} thread(s), BLAS {string.Join(" + ", blas)}");
            Console.WriteLine($"  torchvision: PyTorch {peer.Version}, {peer.Threads} thread(s), BLAS {string.Join(" + ", peer.Blas)}");
            var detections = ours.Infer();
            ours.Train();
            peer.Time("train");
            Console.WriteLine($"  detections through the mask head: ours {detections}, torchvision {peer.Detections}");
            Console.WriteLine();
            Console.WriteLine($"  {"workload",-44} {"ours",10} {"torchvision",12} {"ours/tv",9}");
            Report(quick ? "inference 320x480" : "inference 800x1216", Measure(reps, () => ours.Infer(), () => peer.Time("infer")));
            Report(quick ? "training step, batch 2 of 256x256" : "training step, batch 2 of 512x512", Measure(reps, ours.Train, () => peer.Time("train")));
            return CliErrors.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double[] Ours, double[] Peer) Measure(int reps, Action ours, Func<double> peer)
    {
        var (mine, theirs) = (new double[reps], new double[reps]);
        for (var i = 0; i < reps; i++)
        {
            if (i % 2 == 0)
            {
                mine[i] = Time(ours);
                theirs[i] = peer();
            }
            else
            {
                theirs[i] = peer();
                mine[i] = Time(ours);
            }
        }
        return (mine, theirs);
    }

    private static void Report(string name, (double[] Ours, double[] Peer) times)
    {
        var (ours, theirs) = (Median(times.Ours), Median(times.Peer));
        Console.WriteLine($"  {name,-44} {ours,9:F2}s {theirs,11:F2}s {ours / theirs,8:F2}x");
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
