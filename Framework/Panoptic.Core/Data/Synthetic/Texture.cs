namespace Panoptic.Core.Data.Synthetic;

/// <summary>Deterministic per-pixel noise and colour helpers for the synthetic textures.</summary>
internal static class Texture
{
    /// <summary>A hash of (x, y, salt) mapped to [0, 1).</summary>
    public static double Hash(int x, int y, ulong salt)
    {
        var h = (ulong)(uint)x * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)y * 0xC2B2AE3D27D4EB4FUL ^ salt;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (h >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Smooth value noise in [0, 1) with the given cell size (bilinear between hashed lattice points).</summary>
    public static double Smooth(double x, double y, double cell, ulong salt)
    {
        var gx = x / cell;
        var gy = y / cell;
        var x0 = (int)Math.Floor(gx);
        var y0 = (int)Math.Floor(gy);
        var fx = gx - x0;
        var fy = gy - y0;
        fx = fx * fx * (3 - 2 * fx);
        fy = fy * fy * (3 - 2 * fy);
        var a = Hash(x0, y0, salt) * (1 - fx) + Hash(x0 + 1, y0, salt) * fx;
        var b = Hash(x0, y0 + 1, salt) * (1 - fx) + Hash(x0 + 1, y0 + 1, salt) * fx;
        return a * (1 - fy) + b * fy;
    }

    public static byte Clamp(double v) => (byte)Math.Clamp((int)Math.Round(v), 0, 255);

    /// <summary>Writes an RGB triple at pixel index <paramref name="i"/>.</summary>
    public static void Put(byte[] rgb, int i, double r, double g, double b)
    {
        rgb[3 * i] = Clamp(r);
        rgb[3 * i + 1] = Clamp(g);
        rgb[3 * i + 2] = Clamp(b);
    }
}
