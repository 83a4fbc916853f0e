using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Tests.Support;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Tiny in-memory panoptic scenes: a textured top half (stuff label 1) and bottom half (stuff label 2) with flat
/// coloured rectangles on them (things, semantic label 0), as BGR uint8 images with instances and semantic labels.
/// </summary>
public static class PanopticScenes
{
    /// <summary>One thing: its class and its rectangle.</summary>
    public sealed record Thing(int Class, int X, int Y, int Width, int Height);

    private static readonly float[][] Colours = [[40, 40, 220], [40, 200, 40]];

    /// <summary>A <paramref name="size"/>² scene with <paramref name="things"/> (classes 0..1).</summary>
    public static ModelInput Scene(int size, IReadOnlyList<Thing> things, ulong seed)
    {
        using var scope = Torch.NewDisposeScope();
        using var generator = new Generator(seed);
        var rows = Torch.Arange(0L, size, 1L, DType.Int64).View(-1, 1).Expand(size, size);
        var semantic = Torch.Where(rows.Lt(size / 2), Torch.OnesLike(rows), Torch.OnesLike(rows) * 2);
        var image = Torch.Rand([3, size, size], generator: generator) * 40 + semantic.To(DType.Float32).Unsqueeze(0) * 60;
        var masks = new List<Tensor>();
        foreach (var thing in things)
        {
            var mask = Torch.Zeros([size, size], DType.Bool);
            mask.Slice(0, thing.Y, thing.Y + thing.Height).Slice(1, thing.X, thing.X + thing.Width).Fill_(1);
            image = Torch.Where(mask.Unsqueeze(0), Torch.From(Colours[thing.Class], 3, 1, 1).Expand(3, size, size), image);
            semantic = Torch.Where(mask, Torch.ZerosLike(semantic), semantic);
            masks.Add(mask);
        }
        var boxes = Torch.From(things.SelectMany(t => new float[] { t.X, t.Y, t.X + t.Width, t.Y + t.Height }).ToArray(), things.Count, 4);
        var instances = new Instances(size, size)
            .Set(InstanceFields.GtBoxes, new Boxes(scope.MoveToOuter(boxes)))
            .Set(InstanceFields.GtClasses, scope.MoveToOuter(Torch.From(things.Select(t => (long)t.Class).ToArray(), things.Count)))
            .Set(InstanceFields.GtMasks, new BitMasks(scope.MoveToOuter(Torch.Stack(masks, 0))));
        return new ModelInput(scope.MoveToOuter(image.Round().To(DType.UInt8)), size, size)
        {
            Instances = instances,
            SemanticSegmentation = scope.MoveToOuter(semantic.Contiguous()),
        };
    }

    /// <summary>Two 64² scenes with two things each.</summary>
    public static ModelInput[] Pair() =>
    [
        Scene(64, [new(0, 6, 8, 20, 16), new(1, 36, 34, 22, 24)], 1),
        Scene(64, [new(1, 8, 30, 24, 26), new(0, 40, 6, 18, 20)], 2),
    ];
}
