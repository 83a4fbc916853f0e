namespace Panoptic.Core.Reporting;

/// <summary>The colours given to series in order (matplotlib's "tab10"), cycling after ten.</summary>
public static class ChartPalette
{
    private static readonly Rgb[] Colors =
    [
        Rgb.Parse("#1f77b4"), Rgb.Parse("#ff7f0e"), Rgb.Parse("#2ca02c"), Rgb.Parse("#d62728"), Rgb.Parse("#9467bd"),
        Rgb.Parse("#8c564b"), Rgb.Parse("#e377c2"), Rgb.Parse("#7f7f7f"), Rgb.Parse("#bcbd22"), Rgb.Parse("#17becf"),
    ];

    /// <summary>The colour of series <paramref name="index"/> (0-based).</summary>
    public static Rgb At(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];
}
