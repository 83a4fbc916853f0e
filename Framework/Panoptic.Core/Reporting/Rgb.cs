namespace Panoptic.Core.Reporting;

/// <summary>An opaque 8-bit RGB colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb White => new(255, 255, 255);

    public static Rgb Black => new(0, 0, 0);

    /// <summary>Light gray for grid lines.</summary>
    public static Rgb Grid => new(225, 225, 225);

    /// <summary>Dark gray for axes and tick labels.</summary>
    public static Rgb Axis => new(60, 60, 60);

    /// <summary>Parses <c>#rrggbb</c>.</summary>
    /// <exception cref="FormatException">Anything else.</exception>
    public static Rgb Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#' || !uint.TryParse(hex.AsSpan(1), System.Globalization.NumberStyles.HexNumber, null, out var v))
            throw new FormatException($"colour '{hex}' is not #rrggbb");
        return new Rgb((byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    public override string ToString() => $"#{R:x2}{G:x2}{B:x2}";
}
