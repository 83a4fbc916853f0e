namespace Panoptic.Core.Sweeps;

/// <summary>What the command line adds to a sweep file.</summary>
public sealed record SweepSettings
{
    /// <summary>The base config every run starts from.</summary>
    public required string BaseConfig { get; init; }

    /// <summary>The sweep's output folder.</summary>
    public required string OutputDir { get; init; }

    /// <summary>Overrides for every run, applied first (<c>key.path=value</c>).</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>Seeds (<c>--seeds N</c> = 0..N-1); null: the sweep file's, else seed 0 only.</summary>
    public IReadOnlyList<int>? Seeds { get; init; }

    /// <summary>Metrics to tabulate (<c>--metric</c>); null: the sweep file's, else the defaults.</summary>
    public IReadOnlyList<string>? Metrics { get; init; }
}
