namespace Panoptic.Core.Reporting;

/// <summary>
/// The data rectangle of a chart: pixels x ∈ [Left, Left + Width), y ∈ [Top, Top + Height). The axes are drawn just
/// outside it (x = Left - 1, y = Top + Height).
/// </summary>
public readonly record struct PlotArea(int Left, int Top, int Width, int Height)
{
    /// <summary>One past the last row of the area (where the x axis is drawn).</summary>
    public int Bottom => Top + Height;

    /// <summary>Column of a horizontal fraction: Left + round(f × (Width - 1)).</summary>
    public int X(double fraction) => Left + (int)Math.Round(fraction * (Width - 1));

    /// <summary>Row of a vertical fraction (0 = bottom row, 1 = top row): Top + Height - 1 - round(f × (Height - 1)).</summary>
    public int Y(double fraction) => Top + Height - 1 - (int)Math.Round(fraction * (Height - 1));

    /// <summary>Height in pixels of a bar reaching <paramref name="fraction"/> of the area: round(f × Height), clamped to [0, Height].</summary>
    public int BarHeight(double fraction) => Math.Clamp((int)Math.Round(fraction * Height), 0, Height);
}
