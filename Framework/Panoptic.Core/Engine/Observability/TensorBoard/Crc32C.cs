using System.Numerics;

namespace Panoptic.Core.Engine.Observability.TensorBoard;

/// <summary>CRC-32C (Castagnoli), as TFRecord framing uses it, with TensorFlow's mask.</summary>
public static class Crc32C
{
    /// <summary>The CRC-32C of <paramref name="data"/> (reflected, initial and final XOR 0xFFFFFFFF).</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
            crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }

    /// <summary>TensorFlow's masked CRC: <c>((crc &gt;&gt; 15) | (crc &lt;&lt; 17)) + 0xa282ead8</c>.</summary>
    public static uint Masked(ReadOnlySpan<byte> data)
    {
        var crc = Compute(data);
        return unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
    }
}
