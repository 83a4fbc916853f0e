namespace Panoptic.Core.Visualization;

/// <summary>Deterministic colours for drawings: a saturated hue per instance (golden-angle steps), a muted one per stuff category.</summary>
public static class SegmentColours
{
    /// <summary>RGB of the <paramref name="index"/>-th instance: hues 137.5° apart, full saturation.</summary>
    public static (byte R, byte G, byte B) Instance(int index) => FromHue(index * 137.508 % 360, 1.0, 1.0);

    /// <summary>RGB of stuff category <paramref name="categoryId"/>: hues 97° apart, half saturation, darker.</summary>
    public static (byte R, byte G, byte B) Stuff(int categoryId) => FromHue((categoryId * 97.0 + 20) % 360, 0.45, 0.75);

    /// <summary>HSV → RGB (hue in degrees).</summary>
    public static (byte R, byte G, byte B) FromHue(double hue, double saturation, double value)
    {
        var c = value * saturation;
        var h = hue / 60;
        var x = c * (1 - Math.Abs(h % 2 - 1));
        var (r, g, b) = (int)h switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        var m = value - c;
        return (ToByte(r + m), ToByte(g + m), ToByte(b + m));
    }

    private static byte ToByte(double v) => (byte)Math.Clamp((int)Math.Round(v * 255), 0, 255);
}
