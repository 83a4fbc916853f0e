namespace Panoptic.Core.Sweeps;

/// <summary>What a sweep file says (see <see cref="SweepFile"/>).</summary>
/// <param name="Path">The sweep file (absolute).</param>
/// <param name="Title">Title of the chart and the markdown table; the file's name when absent.</param>
/// <param name="Variants">In file order (a grid: the cartesian product, first axis slowest).</param>
/// <param name="Common">Overrides applied to every variant, before the variant's own.</param>
/// <param name="Metrics">Metrics to tabulate; null = the defaults (<see cref="SweepMetrics.Defaults"/>, those present).</param>
/// <param name="Seeds">Seeds from the file; null when it names none.</param>
public sealed record SweepDefinition(
    string Path, string Title, IReadOnlyList<SweepVariant> Variants, IReadOnlyList<SweepOverride> Common,
    IReadOnlyList<string>? Metrics, IReadOnlyList<int>? Seeds);
