using Panoptic.Torch;

namespace Panoptic.Plugins.RoIOps.Kernels;

/// <summary>
/// RoI boundaries rounded to feature pixels as torchvision's <c>roi_pool</c> rounds them: start = round(x0·scale),
/// end = round(x1·scale) (half away from zero, in float32), the end pixel included.
/// </summary>
/// <param name="Image">Image index of the RoI.</param>
/// <param name="X0">First column.</param>
/// <param name="Y0">First row.</param>
/// <param name="Width">Columns covered, at least 1.</param>
/// <param name="Height">Rows covered, at least 1.</param>
public readonly record struct QuantisedRoI(long Image, int X0, int Y0, int Width, int Height)
{
    /// <summary>Reads (K, 5) RoIs into quantised boundaries.</summary>
    public static QuantisedRoI[] From(Tensor rois, double spatialScale)
    {
        var values = rois.To(DType.Float32).Contiguous().ToArray<float>();
        var scale = (float)spatialScale;
        var result = new QuantisedRoI[values.Length / 5];
        for (var k = 0; k < result.Length; k++)
        {
            var row = values.AsSpan(k * 5, 5);
            var x0 = Round(row[1] * scale);
            var y0 = Round(row[2] * scale);
            var x1 = Round(row[3] * scale);
            var y1 = Round(row[4] * scale);
            result[k] = new QuantisedRoI((long)row[0], x0, y0, Math.Max(x1 - x0 + 1, 1), Math.Max(y1 - y0 + 1, 1));
        }
        return result;
    }

    private static int Round(float value) => (int)MathF.Round(value, MidpointRounding.AwayFromZero);
}
