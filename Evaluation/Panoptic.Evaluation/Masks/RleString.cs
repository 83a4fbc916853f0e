namespace Panoptic.Evaluation.Masks;

/// <summary>
/// pycocotools' compressed RLE string (the <c>counts</c> string of a COCO <c>{"size": [h, w], "counts": "..."}</c>).
/// Each count from the third on is stored as the difference to the count two places before it; every value is
/// written as a signed, LEB128-like sequence of 5-bit groups, least significant first, one character per group
/// (character = 48 + group, plus 32 when another group follows); the last group's bit 4 is the sign.
/// </summary>
public static class RleString
{
    private const int CharOffset = 48;
    private const int MoreBit = 0x20;
    private const int SignBit = 0x10;
    private const int GroupMask = 0x1f;

    /// <summary>Encodes the counts of <paramref name="mask"/> (maskApi <c>rleToString</c>).</summary>
    public static string Encode(RleMask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Encode(mask.Counts);
    }

    /// <summary>Encodes run-length counts into the compressed string form.</summary>
    public static string Encode(ReadOnlySpan<uint> counts)
    {
        Span<char> buffer = counts.Length <= 1024 ? stackalloc char[counts.Length * 7] : new char[counts.Length * 7];
        var p = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            long x = counts[i];
            if (i > 2)
                x -= counts[i - 2];
            bool more;
            do
            {
                var c = (int)(x & GroupMask);
                x >>= 5;
                more = (c & SignBit) != 0 ? x != -1 : x != 0;
                if (more)
                    c |= MoreBit;
                buffer[p++] = (char)(c + CharOffset);
            }
            while (more);
        }
        return new string(buffer[..p]);
    }

    /// <summary>Decodes a compressed counts string (maskApi <c>rleFrString</c>) into a mask of the given size.</summary>
    /// <exception cref="FormatException">A character outside '0'..'o', a truncated value, or counts that do not add up to height × width.</exception>
    public static RleMask Decode(string counts, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(counts);
        RleMask.CheckSize(height, width);
        var values = DecodeCounts(counts);
        ulong sum = 0;
        foreach (var v in values)
            sum += v;
        if (sum != (ulong)height * (ulong)width)
            throw new FormatException($"RLE counts add up to {sum} but the mask has {height}x{width} = {(ulong)height * (ulong)width} pixels");
        return new RleMask(height, width, values, validate: false);
    }

    /// <summary>Decodes a compressed counts string into the raw counts, without checking their sum.</summary>
    public static uint[] DecodeCounts(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var ch in s)
        {
            var c = ch - CharOffset;
            if (c < 0 || c > 63)
                throw new FormatException($"invalid character '{ch}' in a compressed RLE string (expected '0'..'o')");
            if ((c & MoreBit) == 0)
                n++;
        }
        if (s.Length > 0 && ((s[^1] - CharOffset) & MoreBit) != 0)
            throw new FormatException("truncated compressed RLE string: the last value is not terminated");

        var counts = new uint[n];
        var p = 0;
        for (var m = 0; m < n; m++)
        {
            long x = 0;
            var k = 0;
            int c;
            do
            {
                c = s[p++] - CharOffset;
                if (k >= 12)
                    throw new FormatException("compressed RLE value too long");
                x |= (long)(c & GroupMask) << (5 * k);
                k++;
            }
            while ((c & MoreBit) != 0);
            if ((c & SignBit) != 0)
                x |= -1L << (5 * k);
            if (m > 2)
                x += counts[m - 2];
            counts[m] = unchecked((uint)x);
        }
        return counts;
    }
}
