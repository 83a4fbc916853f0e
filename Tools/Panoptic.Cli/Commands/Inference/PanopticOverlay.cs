using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Core.Visualization;
using Panoptic.Torch;
using Panoptic.Torch.Vision;

namespace Panoptic.Cli.Commands.Inference;

/// <summary>A PNG of the image with its panoptic prediction painted over it and a legend of the segments beside it.</summary>
internal static class PanopticOverlay
{
    /// <param name="image">(C, H, W) uint8 in <paramref name="format"/>, at the prediction's size.</param>
    /// <param name="result">The panoptic prediction.</param>
    /// <param name="metadata">Category names; null names them by id.</param>
    /// <param name="format">Channel order of <paramref name="image"/>.</param>
    /// <param name="path">The PNG to write.</param>
    public static void Write(Tensor image, PanopticResult result, DatasetMetadata? metadata, ImageFormat format, string path)
    {
        var (height, width) = ((int)image.Size(1), (int)image.Size(2));
        var rgb = ImagePixels.Rgb(image, format);
        using var ids = result.Segmentation.To(DType.Int32).Contiguous();
        var segments = PanopticSegmentsToPaint.Of(result, metadata);
        var painted = PanopticPainter.Paint(rgb, height, width, ids.ToArray<int>(), segments);
        LegendImage.Write(path, painted, height, width, segments);
    }
}
