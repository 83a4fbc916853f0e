namespace Panoptic.Core.Reporting;

/// <summary>One named curve of a <see cref="LineChart"/>; <paramref name="Color"/> null takes the palette's next colour.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<(double X, double Y)> Points, Rgb? Color = null);
