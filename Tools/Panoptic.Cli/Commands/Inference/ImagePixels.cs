using Panoptic.Abstractions.Data;
using Panoptic.Torch;

namespace Panoptic.Cli.Commands.Inference;

/// <summary>Model input images as plain RGB bytes for drawing.</summary>
internal static class ImagePixels
{
    /// <param name="image">(C, H, W) with values 0..255 in <paramref name="format"/>.</param>
    /// <param name="format">Channel order of <paramref name="image"/>.</param>
    /// <returns>H×W×3 RGB bytes, row-major.</returns>
    public static byte[] Rgb(Tensor image, ImageFormat format)
    {
        using var scope = Panoptic.Torch.Torch.NewDisposeScope();
        var rgb = format == ImageFormat.RGB ? image : image.IndexSelect(0, Panoptic.Torch.Torch.From(new long[] { 2, 1, 0 }, 3));
        return rgb.Round().Clamp(0, 255).To(DType.UInt8).Permute(1, 2, 0).Contiguous().ToArray<byte>();
    }
}
