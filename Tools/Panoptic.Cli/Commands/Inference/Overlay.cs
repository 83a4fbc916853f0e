using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using Panoptic.Torch.Vision;

namespace Panoptic.Cli.Commands.Inference;

using Torch = Panoptic.Torch.Torch;

/// <summary>A PNG of the image with each detection's mask tinted in its own colour and its box outlined.</summary>
internal static class Overlay
{
    private const float Opacity = 0.5f;

    /// <param name="image">(C, H, W) uint8 in <paramref name="format"/>.</param>
    /// <param name="instances">Detections at the image's size.</param>
    /// <param name="format">Channel order of <paramref name="image"/>.</param>
    /// <param name="path">The PNG to write.</param>
    public static void Write(Tensor image, Instances instances, ImageFormat format, string path)
    {
        using var scope = Torch.NewDisposeScope();
        var canvas = image.To(DType.Float32);
        var (height, width) = (image.Size(1), image.Size(2));
        var boxes = instances.Get<Boxes>(InstanceFields.PredBoxes).Tensor.ToArray<float>();
        var masks = instances.Has(InstanceFields.PredMasks) ? instances.Get<Tensor>(InstanceFields.PredMasks) : null;
        for (var i = 0; i < boxes.Length / 4; i++)
        {
            var colour = Torch.From(Colour(i, format), 3, 1, 1);
            if (masks is not null)
            {
                var mask = masks[i].Unsqueeze(0);
                canvas = Torch.Where(mask, canvas * (1 - Opacity) + colour * Opacity, canvas);
            }
            var x0 = Math.Clamp((int)boxes[4 * i], 0, (int)width - 1);
            var y0 = Math.Clamp((int)boxes[4 * i + 1], 0, (int)height - 1);
            var x1 = Math.Clamp((int)boxes[4 * i + 2], x0, (int)width - 1);
            var y1 = Math.Clamp((int)boxes[4 * i + 3], y0, (int)height - 1);
            foreach (var (rows, columns) in new[] { (y0..(y0 + 1), x0..(x1 + 1)), (y1..(y1 + 1), x0..(x1 + 1)), (y0..(y1 + 1), x0..(x0 + 1)), (y0..(y1 + 1), x1..(x1 + 1)) })
                canvas[TensorIndex.Ellipsis, rows, columns] = colour.Expand(3, rows.End.Value - rows.Start.Value, columns.End.Value - columns.Start.Value);
        }
        var output = canvas.Round().Clamp(0, 255).To(DType.UInt8).Permute(1, 2, 0).Contiguous();
        ImageCodec.Write(path, output, order: format == ImageFormat.RGB ? ColorOrder.Rgb : ColorOrder.Bgr);
    }

    /// <summary>A distinct saturated colour per detection (golden-angle hues), in the image's channel order.</summary>
    private static float[] Colour(int index, ImageFormat format)
    {
        var hue = index * 137.508 % 360 / 60;
        var x = (float)(1 - Math.Abs(hue % 2 - 1)) * 255;
        float[] rgb = (int)hue switch
        {
            0 => [255, x, 0],
            1 => [x, 255, 0],
            2 => [0, 255, x],
            3 => [0, x, 255],
            4 => [x, 0, 255],
            _ => [255, 0, x],
        };
        return format == ImageFormat.RGB ? rgb : [rgb[2], rgb[1], rgb[0]];
    }
}
