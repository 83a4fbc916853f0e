namespace Panoptic.Core.Sweeps;

/// <summary>
/// Runs one training of a sweep to its end in <see cref="SweepRun.Folder"/> — resuming from the newest checkpoint there
/// when there is one — writing its console output to <see cref="SweepRun.LogPath"/>. The run's
/// <c>metrics.jsonl</c> must end with its final evaluation.
/// </summary>
public interface ISweepLauncher
{
    /// <summary>Runs <paramref name="run"/> with <paramref name="threads"/> intra-op threads; returns its exit code (0 = finished).</summary>
    int Launch(SweepRun run, int threads, CancellationToken cancellation);
}
