namespace Panoptic.Core.Data.Synthetic;

/// <summary>
/// Lays out and paints the stuff regions of a scene: sky above a wavy horizon, ground below it, an optional lake of
/// water and an optional brick wall at one side. Each region has its own texture with per-image colour jitter.
/// </summary>
internal static class StuffPainter
{
    /// <summary>Paints every pixel and returns its stuff category per pixel.</summary>
    public static int[] Paint(int width, int height, byte[] rgb, SplitMix64 rng)
    {
        var category = new int[width * height];
        var salt = rng.NextUInt64();
        var horizon0 = height * rng.Uniform(0.25, 0.55);
        var waveAmp = height * rng.Uniform(0.0, 0.06);
        var wavePeriod = width * rng.Uniform(0.5, 1.5);
        var wavePhase = rng.Uniform(0, 2 * Math.PI);

        var hasLake = rng.Chance(0.6);
        var lakeCx = width * rng.Uniform(0.2, 0.8);
        var lakeCy = horizon0 + (height - horizon0) * rng.Uniform(0.35, 0.75);
        var lakeRx = width * rng.Uniform(0.15, 0.4);
        var lakeRy = (height - horizon0) * rng.Uniform(0.15, 0.35);

        var hasWall = rng.Chance(0.5);
        var wallLeft = rng.Chance(0.5);
        var wallWidth = (int)(width * rng.Uniform(0.12, 0.3));
        var wallTop = (int)(height * rng.Uniform(0.05, 0.4));

        var jitter = new double[12];
        for (var i = 0; i < jitter.Length; i++) jitter[i] = rng.Uniform(-18, 18);

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = y * width + x;
                double px = x + 0.5, py = y + 0.5;
                var horizon = horizon0 + waveAmp * Math.Sin(2 * Math.PI * px / wavePeriod + wavePhase);
                int cat;
                if (hasWall && (wallLeft ? x < wallWidth : x >= width - wallWidth) && y >= wallTop)
                    cat = SyntheticCategories.Wall;
                else if (py < horizon)
                    cat = SyntheticCategories.Sky;
                else if (hasLake && Sq((px - lakeCx) / lakeRx) + Sq((py - lakeCy) / lakeRy) <= 1)
                    cat = SyntheticCategories.Water;
                else
                    cat = SyntheticCategories.Ground;
                category[i] = cat;
                PaintPixel(rgb, i, x, y, cat, horizon0, wallLeft ? x : width - 1 - x, y - wallTop, jitter, salt);
            }
        }
        return category;
    }

    private static double Sq(double v) => v * v;

    private static void PaintPixel(byte[] rgb, int i, int x, int y, int cat, double horizon, int wx, int wy,
        double[] j, ulong salt)
    {
        var fine = Texture.Hash(x, y, salt) - 0.5;
        switch (cat)
        {
            case SyntheticCategories.Sky:
            {
                var t = Math.Clamp(y / Math.Max(horizon, 1), 0, 1);
                var cloud = Texture.Smooth(x, y, 24, salt ^ 1) > 0.72 ? 45 : 0;
                Texture.Put(rgb, i, 70 + 90 * t + j[0] + cloud, 130 + 70 * t + j[1] + cloud, 220 + 20 * t + j[2] + cloud * 0.3);
                break;
            }
            case SyntheticCategories.Ground:
            {
                var n = Texture.Smooth(x, y, 6, salt ^ 2) - 0.5;
                var speck = Texture.Hash(x, y, salt ^ 3) > 0.93 ? -40 : 0;
                Texture.Put(rgb, i, 125 + 60 * n + 30 * fine + speck + j[3], 95 + 50 * n + 25 * fine + speck + j[4], 55 + 30 * n + speck + j[5]);
                break;
            }
            case SyntheticCategories.Water:
            {
                var ripple = Math.Sin(y * 0.9 + 3 * Math.Sin(x * 0.07)) * 18;
                Texture.Put(rgb, i, 25 + ripple * 0.4 + 10 * fine + j[6], 95 + ripple + 10 * fine + j[7], 165 + ripple + j[8]);
                break;
            }
            default:
            {
                // Bricks of 16x8 with 1-pixel mortar, rows offset by half a brick.
                var row = wy / 8;
                var shifted = wx + (row % 2 == 0 ? 0 : 8);
                var mortar = wy % 8 == 0 || shifted % 16 == 0;
                if (mortar)
                {
                    Texture.Put(rgb, i, 200 + j[9] * 0.3, 200 + j[9] * 0.3, 195 + j[9] * 0.3);
                }
                else
                {
                    var brick = Texture.Hash(shifted / 16, row, salt ^ 4) * 40 - 20;
                    Texture.Put(rgb, i, 165 + brick + 12 * fine + j[9], 85 + brick * 0.6 + 8 * fine + j[10], 65 + brick * 0.4 + j[11]);
                }
                break;
            }
        }
    }
}
