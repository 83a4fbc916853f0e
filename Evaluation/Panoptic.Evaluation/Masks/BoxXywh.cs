namespace Panoptic.Evaluation.Masks;

/// <summary>
/// An axis-aligned box in COCO's <c>[x, y, width, height]</c> form, in pixels, 0-indexed: <c>[0, 0, 1, 1]</c>
/// encloses the first pixel.
/// </summary>
public readonly record struct BoxXywh(double X, double Y, double Width, double Height)
{
    /// <summary>Width × height, as pycocotools' <c>loadRes</c> computes a box result's area.</summary>
    public double Area => Width * Height;

    /// <summary>The four numbers in COCO order.</summary>
    public double[] ToArray() => [X, Y, Width, Height];

    /// <summary>Builds a box from a COCO <c>bbox</c> array of exactly four numbers.</summary>
    public static BoxXywh FromArray(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != 4)
            throw new ArgumentException($"a COCO bbox has 4 numbers [x, y, w, h], got {values.Count}", nameof(values));
        return new BoxXywh(values[0], values[1], values[2], values[3]);
    }
}
