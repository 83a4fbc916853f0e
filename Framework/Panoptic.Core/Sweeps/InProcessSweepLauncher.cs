using System.Text;
using Panoptic.Abstractions.Config;
using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Launch;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Hosting;

namespace Panoptic.Core.Sweeps;

/// <summary>
/// Runs each training in this process through <see cref="TrainingLauncher"/> (what <c>panoptic train --resume</c> does),
/// its messages written to the run's log. For tests and embedding: runs share the process (global RNG, thread count),
/// so use it with one run at a time. Exit codes as the command line's: 2 bad config, 3 diverged, 1 anything else.
/// </summary>
public sealed class InProcessSweepLauncher(string baseConfig, PluginSelection plugins) : ISweepLauncher
{
    public int Launch(SweepRun run, int threads, CancellationToken cancellation)
    {
        Directory.CreateDirectory(run.Folder);
        using var log = new StreamWriter(new FileStream(run.LogPath, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true };
        try
        {
            var runtime = PanopticRuntime.Load(baseConfig, [.. run.Overrides, $"runtime.output_dir={run.Folder}"], plugins);
            var result = TrainingLauncher.Run(runtime, new LaunchOptions
            {
                Resume = true,
                Progress = new PlainProgress(log),
                CommandLine = ["sweep (in-process)", run.Name],
                Cancellation = cancellation,
            });
            return result.Completed || (result.StopReason is not null && !cancellation.IsCancellationRequested) ? 0 : 130;
        }
        catch (Exception e)
        {
            log.WriteLine($"error: {e.Message}");
            return e switch
            {
                ConfigException => 2,
                TrainingDivergedException => 3,
                _ => 1,
            };
        }
    }
}
