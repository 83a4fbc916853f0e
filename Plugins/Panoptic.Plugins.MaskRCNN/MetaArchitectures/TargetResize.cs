using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.MaskRCNN.MetaArchitectures;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Ground truth following the model's resize (torchvision <c>resize_boxes</c> and its mask interpolation): boxes
/// scaled by float32 new/old ratios per axis, bitmap masks by nearest interpolation, polygons scaled.
/// </summary>
public static class TargetResize
{
    /// <param name="instances">Ground truth at <paramref name="from"/>.</param>
    /// <param name="from">(height, width) of the image the ground truth is in.</param>
    /// <param name="to">(height, width) after the resize.</param>
    /// <returns>The same fields at <paramref name="to"/> (the input itself when the size is unchanged).</returns>
    public static Instances Apply(Instances instances, (int Height, int Width) from, (int Height, int Width) to)
    {
        if (from == to)
            return instances;
        var ratioY = (float)to.Height / from.Height;
        var ratioX = (float)to.Width / from.Width;
        var result = new Instances(to.Height, to.Width);
        foreach (var name in instances.FieldNames)
        {
            result.Set(name, instances.Get<object>(name) switch
            {
                Boxes boxes => new Boxes(Scale(boxes.Tensor, ratioX, ratioY)),
                BitMasks masks => new BitMasks(ResizeMasks(masks.Tensor, to)),
                PolygonMasks polygons => ScalePolygons(polygons, ratioX, ratioY),
                var other => other,
            });
        }
        return result;
    }

    private static Tensor Scale(Tensor boxes, float ratioX, float ratioY)
    {
        using var scope = Torch.NewDisposeScope();
        var ratios = Torch.From([ratioX, ratioY, ratioX, ratioY], 1, 4).To(boxes.Device);
        return scope.MoveToOuter(boxes * ratios);
    }

    private static Tensor ResizeMasks(Tensor masks, (int Height, int Width) to)
    {
        using var scope = Torch.NewDisposeScope();
        if (masks.Size(0) == 0)
            return scope.MoveToOuter(Torch.Zeros([0, to.Height, to.Width], masks.DType, masks.Device));
        var resized = F.Interpolate(masks.To(DType.Float32).Unsqueeze(1), size: (to.Height, to.Width)).Squeeze(1);
        return scope.MoveToOuter(resized.To(masks.DType));
    }

    private static PolygonMasks ScalePolygons(PolygonMasks polygons, float ratioX, float ratioY) =>
        new(polygons.Polygons
            .Select(instance => (IReadOnlyList<float[]>)instance.Select(polygon => polygon.Select((v, i) => v * (i % 2 == 0 ? ratioX : ratioY)).ToArray()).ToList())
            .ToList());
}
