namespace Panoptic.Core.Reporting;

/// <summary>One bar: a mean and the half-length of its error bar (± <paramref name="Std"/>; 0 draws none). NaN: no bar.</summary>
public readonly record struct BarValue(double Mean, double Std = 0);

/// <summary>A labelled group of bars of a <see cref="BarChart"/>, one per series ('\n' in the label breaks lines).</summary>
public sealed record BarGroup(string Label, IReadOnlyList<BarValue> Bars);
