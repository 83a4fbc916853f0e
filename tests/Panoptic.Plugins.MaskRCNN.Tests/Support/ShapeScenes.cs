using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.Tests.Support;

using Torch = Panoptic.Torch.Torch;

/// <summary>A tiny in-memory training set: flat-coloured rectangles (class 0), ellipses (1) and diamonds (2) on noise.</summary>
public static class ShapeScenes
{
    /// <summary>One shape: its class and its bounding square (x, y, side) — ellipses and diamonds are inscribed.</summary>
    public sealed record Shape(int Class, int X, int Y, int Width, int Height);

    private static readonly float[][] Colours = [[40, 40, 220], [40, 200, 40], [220, 60, 40]];

    /// <summary>A BGR uint8 image of <paramref name="size"/>² with <paramref name="shapes"/> and its ground truth.</summary>
    public static ModelInput Scene(int size, IReadOnlyList<Shape> shapes, ulong seed)
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(seed);
        var image = Torch.Rand([3, size, size], generator: generator) * 60 + 90;
        var ys = Torch.Arange(0L, size, 1L, DType.Float32).View(-1, 1);
        var xs = Torch.Arange(0L, size, 1L, DType.Float32).View(1, -1);
        var masks = new List<Tensor>();
        foreach (var shape in shapes)
        {
            var mask = Mask(shape, xs, ys);
            var colour = Torch.From(Colours[shape.Class], 3, 1, 1);
            image = Torch.Where(mask.Unsqueeze(0), colour.Expand(3, size, size), image);
            masks.Add(mask);
        }
        var boxes = Torch.From(shapes.SelectMany(s => new float[] { s.X, s.Y, s.X + s.Width, s.Y + s.Height }).ToArray(), shapes.Count, 4);
        if (shapes.Count == 0)
            boxes = Torch.Zeros([0, 4]);
        var instances = new Instances(size, size)
            .Set(InstanceFields.GtBoxes, new Boxes(scope.MoveToOuter(boxes)))
            .Set(InstanceFields.GtClasses, scope.MoveToOuter(Torch.From(shapes.Select(s => (long)s.Class).ToArray(), shapes.Count)))
            .Set(InstanceFields.GtMasks, new BitMasks(scope.MoveToOuter(masks.Count == 0 ? Torch.Zeros([0, size, size], DType.Bool) : Torch.Stack(masks, 0))));
        return new ModelInput(scope.MoveToOuter(image.Round().To(DType.UInt8)), size, size) { Instances = instances };
    }

    private static Tensor Mask(Shape shape, Tensor xs, Tensor ys)
    {
        var (cx, cy) = (shape.X + shape.Width / 2.0, shape.Y + shape.Height / 2.0);
        var (rx, ry) = (shape.Width / 2.0, shape.Height / 2.0);
        var u = (xs + 0.5 - cx) / rx;
        var v = (ys + 0.5 - cy) / ry;
        return shape.Class switch
        {
            0 => u.Abs().Le(1.0) & v.Abs().Le(1.0),
            1 => (u * u + v * v).Le(1.0),
            _ => (u.Abs() + v.Abs()).Le(1.0),
        };
    }
}
