namespace Panoptic.Evaluation.Masks;

/// <summary>
/// A binary mask as COCO run-length counts (pycocotools' uncompressed RLE): the image is read column by column
/// (column-major, like pycocotools' Fortran-order masks) and the counts alternate runs of 0s and 1s, starting with
/// 0s (so a mask whose first pixel is set starts with a count of 0). The counts always add up to
/// <see cref="Height"/> × <see cref="Width"/>. Instances are immutable.
/// </summary>
public sealed class RleMask
{
    private readonly uint[] _counts;

    /// <summary>Creates a mask from counts (copied); they must add up to <paramref name="height"/> × <paramref name="width"/>.</summary>
    /// <exception cref="ArgumentException">The sizes are negative or the counts do not cover the image exactly.</exception>
    public RleMask(int height, int width, ReadOnlySpan<uint> counts)
        : this(height, width, counts.ToArray(), validate: true)
    {
    }

    internal RleMask(int height, int width, uint[] counts, bool validate)
    {
        Height = height;
        Width = width;
        _counts = counts;
        if (validate)
            Validate(height, width, counts);
    }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>The run lengths, zeros first, column-major.</summary>
    public ReadOnlySpan<uint> Counts => _counts;

    /// <summary>Number of runs (pycocotools' <c>m</c>).</summary>
    public int RunCount => _counts.Length;

    internal uint[] CountsArray => _counts;

    /// <summary>Number of set pixels (sum of the odd-indexed counts).</summary>
    public long Area
    {
        get
        {
            long area = 0;
            var counts = _counts;
            for (var j = 1; j < counts.Length; j += 2)
                area += counts[j];
            return area;
        }
    }

    /// <summary>An all-zero mask.</summary>
    public static RleMask Empty(int height, int width)
    {
        CheckSize(height, width);
        var total = (long)height * width;
        return new RleMask(height, width, total == 0 ? [] : [(uint)total], validate: false);
    }

    /// <summary>Decodes pycocotools' compressed counts string (see <see cref="RleString"/>).</summary>
    public static RleMask FromCompressedString(string counts, int height, int width) => RleString.Decode(counts, height, width);

    /// <summary>pycocotools' compressed counts string for this mask (see <see cref="RleString"/>).</summary>
    public string ToCompressedString() => RleString.Encode(this);

    /// <summary>The tight box around the set pixels, with pycocotools' <c>toBbox</c> semantics (see <see cref="RleBox"/>).</summary>
    public BoxXywh ToBox() => RleBox.FromMask(this);

    internal static void CheckSize(int height, int width)
    {
        if (height < 0 || width < 0)
            throw new ArgumentException($"mask size must be non-negative, got {height}x{width}");
        if ((long)height * width > uint.MaxValue)
            throw new ArgumentException($"mask of {height}x{width} pixels is larger than RLE counts can hold");
    }

    private static void Validate(int height, int width, uint[] counts)
    {
        CheckSize(height, width);
        ulong sum = 0;
        foreach (var c in counts)
            sum += c;
        var expected = (ulong)height * (ulong)width;
        if (sum != expected)
            throw new ArgumentException($"RLE counts add up to {sum} but the mask has {height}x{width} = {expected} pixels");
    }
}
