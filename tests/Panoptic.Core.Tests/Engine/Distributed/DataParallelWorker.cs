using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Distributed;
using Panoptic.Core.Engine.Launch;
using Panoptic.Core.Hosting;
using Panoptic.Core.Tests.Support;

namespace Panoptic.Core.Tests.Engine.Distributed;

/// <summary>
/// One rank of a multi-process test run, as <c>panoptic train</c> runs it: <c>ddp-worker CONFIG [--resume]
/// [--rank1 key=value] [key=value …] --rank R --world-size N --master-addr A --master-port P</c> (the last four from
/// <see cref="LocalLauncher"/>). <c>--rank1</c> overrides apply on rank 1 only (to make one rank fail). Exit codes as
/// <c>panoptic train</c>: 0, 3 diverged, 1 anything else.
/// </summary>
public static class DataParallelWorker
{
    public const string Verb = "ddp-worker";

    public static int Run(string[] args)
    {
        try
        {
            var config = args[0];
            var resume = false;
            int rank = 0, world = 1, port = 0;
            var master = "127.0.0.1";
            var overrides = new List<string>();
            var rankOne = new List<string>();
            for (var i = 1; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--resume": resume = true; break;
                    case "--rank1": rankOne.Add(args[++i]); break;
                    case "--rank": rank = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--world-size": world = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--master-addr": master = args[++i]; break;
                    case "--master-port": port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                    default: overrides.Add(args[i]); break;
                }
            }
            if (rank == 1)
                overrides.AddRange(rankOne);
            var options = new DistributedOptions
            {
                Rank = rank,
                WorldSize = world,
                MasterAddr = master,
                MasterPort = port,
                LocalWorldSize = DistributedOptions.LocalWorldSizeFromEnvironment(),
                Timeout = TimeSpan.FromSeconds(60),
            };
            Panoptic.Torch.Torch.Initialize(options.ThreadsPerProcess(0));
            TrainingLauncher.Run(PanopticRuntime.Load(config, overrides, TinyPlugins), new LaunchOptions { Resume = resume, Distributed = options });
            return 0;
        }
        catch (TrainingDivergedException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 3;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"internal error: {e}");
            return 1;
        }
    }

    /// <summary>The Data and Engine plugins and the TinyModel test plugin.</summary>
    public static PluginSelection TinyPlugins => new()
    {
        BuiltIn = false,
        Environment = false,
        CommandLine = [TestPaths.BuiltInPlugin("Panoptic.Plugins.Data"), TestPaths.BuiltInPlugin("Panoptic.Plugins.Engine"), TestPaths.TestPlugin(TestPaths.TinyModel)],
    };
}
