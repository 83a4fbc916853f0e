using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Tests.Support;

using Torch = Panoptic.Torch.Torch;

/// <summary>A deterministic random scene: rectangular instance masks with distinct scores over blocky semantic labels.</summary>
internal static class RandomScene
{
    /// <summary>Instances (<c>scores</c>, <c>pred_classes</c>, <c>pred_masks</c>) and (H, W) int64 labels 0..stuffClasses.</summary>
    public static (Instances Instances, Tensor Labels) Create(int seed, int height, int width, int count, int thingClasses, int stuffClasses)
    {
        var random = new Random(seed);
        var masks = new bool[count * height * width];
        for (var i = 0; i < count; i++)
        {
            var (y0, x0) = (random.Next(height), random.Next(width));
            var (y1, x1) = (Math.Min(height, y0 + 2 + random.Next(height / 3)), Math.Min(width, x0 + 2 + random.Next(width / 3)));
            for (var y = y0; y < y1; y++)
                Array.Fill(masks, true, (i * height + y) * width + x0, x1 - x0);
        }
        var scores = Enumerable.Range(0, 1000).OrderBy(_ => random.Next()).Take(count).Select(s => s / 1000f).ToArray();
        var classes = Enumerable.Range(0, count).Select(_ => (long)random.Next(thingClasses)).ToArray();
        var blocks = Enumerable.Range(0, 16).Select(_ => (long)random.Next(stuffClasses + 1)).ToArray();
        var labels = new long[height * width];
        for (var p = 0; p < labels.Length; p++)
            labels[p] = blocks[(p / width * 4 / height) * 4 + (p % width * 4 / width)];
        var instances = new Instances(height, width)
            .Set(InstanceFields.Scores, Torch.From(scores, count))
            .Set(InstanceFields.PredClasses, Torch.From(classes, count))
            .Set(InstanceFields.PredMasks, Torch.From(masks, count, height, width));
        return (instances, Torch.From(labels, height, width));
    }
}
