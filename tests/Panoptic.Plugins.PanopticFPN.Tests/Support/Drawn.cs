using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Tests.Support;

using Torch = Panoptic.Torch.Torch;

/// <summary>Small maps drawn as text rows: masks with '#', labels and ids as digits ('.' = 0).</summary>
internal static class Drawn
{
    /// <summary>One drawn detection.</summary>
    public sealed record Detection(float Score, long Class, params string[] Mask);

    /// <summary>(H, W) int64 labels from digit rows.</summary>
    public static Tensor Labels(params string[] rows) =>
        Torch.From(rows.SelectMany(r => r.Select(c => c == '.' ? 0L : c - '0')).ToArray(), rows.Length, rows[0].Length);

    /// <summary>A uniform (H, W) label map.</summary>
    public static Tensor Uniform(int height, int width, long label) => Torch.Full([height, width], label, DType.Int64);

    /// <summary>Instances with <c>scores</c>, <c>pred_classes</c> and <c>pred_masks</c> (R, H, W) bool.</summary>
    public static Instances Instances(params Detection[] detections)
    {
        var (height, width) = (detections[0].Mask.Length, detections[0].Mask[0].Length);
        var masks = detections.SelectMany(d => d.Mask.SelectMany(r => r.Select(c => c == '#'))).ToArray();
        return new Instances(height, width)
            .Set(InstanceFields.Scores, Torch.From(detections.Select(d => d.Score).ToArray(), detections.Length))
            .Set(InstanceFields.PredClasses, Torch.From(detections.Select(d => d.Class).ToArray(), detections.Length))
            .Set(InstanceFields.PredMasks, Torch.From(masks, detections.Length, height, width));
    }

    /// <summary>The same detections with another <c>pred_masks</c> value (a <see cref="BitMasks"/>, a float tensor, …).</summary>
    public static Instances WithMasks(Instances drawn, object masks) =>
        new Instances(drawn.ImageHeight, drawn.ImageWidth)
            .Set(InstanceFields.Scores, drawn.Get<Tensor>(InstanceFields.Scores))
            .Set(InstanceFields.PredClasses, drawn.Get<Tensor>(InstanceFields.PredClasses))
            .Set(InstanceFields.PredMasks, masks);

    /// <summary>An id map as digit rows ('.' = void), for exact comparisons with readable failures.</summary>
    public static string[] Rows(Tensor ids)
    {
        var (height, width) = ((int)ids.Size(0), (int)ids.Size(1));
        var values = ids.ToArray<int>();
        return Enumerable.Range(0, height)
            .Select(y => new string(values.Skip(y * width).Take(width).Select(v => v == 0 ? '.' : (char)('0' + v)).ToArray()))
            .ToArray();
    }
}
