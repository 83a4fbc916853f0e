namespace Panoptic.Core.Visualization;

/// <summary>A segment to paint: its id in the map, its colour and its legend text.</summary>
/// <param name="Id">Pixel value of the segment in the id map.</param>
/// <param name="Colour">RGB.</param>
/// <param name="Label">Legend text (<c>circle 0.93</c>, <c>sky</c>).</param>
public sealed record PaintedSegment(int Id, (byte R, byte G, byte B) Colour, string Label);

/// <summary>Paints a panoptic id map over an image: segment colours blended in, segment borders in white, void left as is.</summary>
public static class PanopticPainter
{
    /// <summary>Weight of the segment colour in the blend.</summary>
    public const double Opacity = 0.55;

    /// <param name="rgb">The image, H×W×3 RGB bytes (row-major).</param>
    /// <param name="height">Image height.</param>
    /// <param name="width">Image width.</param>
    /// <param name="ids">H×W segment ids (0 = void; ids not in <paramref name="segments"/> are treated as void).</param>
    /// <param name="segments">The segments to paint.</param>
    /// <returns>A new H×W×3 RGB array.</returns>
    public static byte[] Paint(ReadOnlySpan<byte> rgb, int height, int width, ReadOnlySpan<int> ids, IReadOnlyList<PaintedSegment> segments)
    {
        if (rgb.Length != height * width * 3)
            throw new ArgumentException($"the image has {rgb.Length} bytes; {height}x{width} RGB needs {height * width * 3}", nameof(rgb));
        if (ids.Length != height * width)
            throw new ArgumentException($"the id map has {ids.Length} values; the image is {height}x{width}", nameof(ids));
        var colours = segments.ToDictionary(s => s.Id, s => s.Colour);
        var output = rgb.ToArray();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = y * width + x;
                var id = ids[p];
                if (!colours.TryGetValue(id, out var colour))
                    continue;
                var border = (x + 1 < width && ids[p + 1] != id) || (y + 1 < height && ids[p + width] != id)
                             || (x > 0 && ids[p - 1] != id) || (y > 0 && ids[p - width] != id);
                if (border)
                {
                    output[3 * p] = output[3 * p + 1] = output[3 * p + 2] = 255;
                    continue;
                }
                output[3 * p] = Blend(rgb[3 * p], colour.R);
                output[3 * p + 1] = Blend(rgb[3 * p + 1], colour.G);
                output[3 * p + 2] = Blend(rgb[3 * p + 2], colour.B);
            }
        }
        return output;
    }

    private static byte Blend(byte image, byte colour) => (byte)Math.Round(image * (1 - Opacity) + colour * Opacity);
}
