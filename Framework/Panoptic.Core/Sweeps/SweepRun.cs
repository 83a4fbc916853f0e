namespace Panoptic.Core.Sweeps;

/// <summary>One training of a sweep: a variant with a seed, in its own folder.</summary>
/// <param name="Variant">The overrides it tries.</param>
/// <param name="Seed">Its <c>runtime.seed</c>.</param>
/// <param name="Folder">The run's output folder (absolute): <c>OUTPUT/variant/seedN</c>.</param>
/// <param name="Overrides">Every override of the run, in order: the command line's, the sweep file's common ones, the
/// variant's, then <c>runtime.seed=N</c>.</param>
public sealed record SweepRun(SweepVariant Variant, int Seed, string Folder, IReadOnlyList<string> Overrides)
{
    /// <summary>The file the sweep writes once the run has finished and been evaluated (its presence = finished).</summary>
    public const string ResultFileName = "sweep_result.json";

    /// <summary>The run's console output (stdout and stderr of <c>panoptic train</c>, appended).</summary>
    public const string LogFileName = "sweep.log";

    public string ResultPath => Path.Combine(Folder, ResultFileName);

    public string LogPath => Path.Combine(Folder, LogFileName);

    public string Name => $"{Variant.Name} (seed {Seed})";
}

/// <summary>Every run of a sweep, validated.</summary>
/// <param name="Definition">The sweep file.</param>
/// <param name="Seeds">The seeds every variant runs with.</param>
/// <param name="BaseConfig">The base config (absolute).</param>
/// <param name="OutputDir">The sweep's folder (absolute): results.csv, results.md, results.png and one folder per variant.</param>
/// <param name="Runs">Seed-major order (every variant with the first seed, then the next seed), so an early table is complete.</param>
public sealed record SweepPlan(SweepDefinition Definition, string BaseConfig, string OutputDir, IReadOnlyList<int> Seeds, IReadOnlyList<SweepRun> Runs);
