namespace Panoptic.Evaluation.Masks;

/// <summary>Conversions between RLE masks and dense bitmaps (one byte a pixel, nonzero = set).</summary>
public static class RleBitmap
{
    /// <summary>Encodes a row-major bitmap of <paramref name="height"/> × <paramref name="width"/> bytes (maskApi <c>rleEncode</c> on its transpose).</summary>
    public static RleMask FromRowMajor(ReadOnlySpan<byte> pixels, int height, int width)
    {
        RleMask.CheckSize(height, width);
        CheckLength(pixels.Length, height, width);
        var builder = new RunBuilder((long)height * width);
        for (var x = 0; x < width; x++)
            for (var y = 0; y < height; y++)
                builder.Push(pixels[y * width + x] != 0);
        return builder.Build(height, width);
    }

    /// <summary>Encodes a column-major bitmap (pycocotools' Fortran-order layout): byte <c>[x * height + y]</c> is pixel (x, y).</summary>
    public static RleMask FromColumnMajor(ReadOnlySpan<byte> pixels, int height, int width)
    {
        RleMask.CheckSize(height, width);
        CheckLength(pixels.Length, height, width);
        var builder = new RunBuilder(pixels.Length);
        foreach (var p in pixels)
            builder.Push(p != 0);
        return builder.Build(height, width);
    }

    /// <summary>
    /// The mask of the pixels of a row-major id map equal to <paramref name="id"/> (for example one segment of a
    /// panoptic PNG decoded to ids).
    /// </summary>
    public static RleMask FromIdMap(ReadOnlySpan<int> ids, int height, int width, int id)
    {
        RleMask.CheckSize(height, width);
        CheckLength(ids.Length, height, width);
        var builder = new RunBuilder((long)height * width);
        for (var x = 0; x < width; x++)
            for (var y = 0; y < height; y++)
                builder.Push(ids[y * width + x] == id);
        return builder.Build(height, width);
    }

    /// <summary>Decodes to a row-major bitmap (1 = set, 0 = clear).</summary>
    public static byte[] ToRowMajor(RleMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var h = mask.Height;
        var w = mask.Width;
        var result = new byte[(long)h * w];
        long position = 0;
        var counts = mask.CountsArray;
        for (var j = 0; j < counts.Length; j++)
        {
            if ((j & 1) == 1)
            {
                for (var p = position; p < position + counts[j]; p++)
                {
                    var x = p / h;
                    var y = p - x * h;
                    result[y * w + x] = 1;
                }
            }
            position += counts[j];
        }
        return result;
    }

    /// <summary>Decodes to a column-major bitmap (maskApi <c>rleDecode</c>): byte <c>[x * height + y]</c>.</summary>
    public static byte[] ToColumnMajor(RleMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var result = new byte[(long)mask.Height * mask.Width];
        long position = 0;
        var counts = mask.CountsArray;
        for (var j = 0; j < counts.Length; j++)
        {
            if ((j & 1) == 1)
                result.AsSpan((int)position, (int)counts[j]).Fill(1);
            position += counts[j];
        }
        return result;
    }

    private static void CheckLength(int length, int height, int width)
    {
        if (length != (long)height * width)
            throw new ArgumentException($"bitmap has {length} pixels, expected {height}x{width}");
    }

    /// <summary>Accumulates alternating runs, zeros first, exactly as maskApi's encoder emits them.</summary>
    private struct RunBuilder(long capacityHint)
    {
        private List<uint> _counts = new((int)Math.Min(capacityHint + 1, 1024));
        private bool _value;
        private uint _run;

        public void Push(bool value)
        {
            if (value != _value)
            {
                _counts.Add(_run);
                _run = 0;
                _value = value;
            }
            _run++;
        }

        public readonly RleMask Build(int height, int width)
        {
            var counts = new uint[_counts.Count + 1];
            _counts.CopyTo(counts);
            counts[^1] = _run;
            if ((long)height * width == 0)
                counts = [];
            return new RleMask(height, width, counts, validate: false);
        }
    }
}
