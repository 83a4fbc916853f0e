using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Torch;
using Panoptic.Torch.Vision;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Mask-head targets: each foreground proposal's matched ground-truth mask cropped to the proposal and resized to
/// M×M by RoIAlign (detectron2 <c>BitMasks.crop_and_resize</c>: aligned, thresholded at 0.5; torchvision
/// <c>project_masks_on_boxes</c>: unaligned, soft), adaptive sampling.
/// </summary>
public static class MaskTargets
{
    /// <param name="masks">The image's ground-truth masks, (G, H, W) bool or uint8.</param>
    /// <param name="gtIndex">(P,) int64 matched ground truth of each foreground proposal.</param>
    /// <param name="boxes">(P, 4) foreground proposal boxes.</param>
    /// <param name="size">M.</param>
    /// <param name="aligned">Half-pixel aligned RoIAlign.</param>
    /// <param name="binarize">Threshold at 0.5.</param>
    /// <returns>(P, M, M) float32 in [0, 1].</returns>
    public static Tensor Crop(BitMasks masks, Tensor gtIndex, Tensor boxes, int size, bool aligned, bool binarize)
    {
        using var scope = Torch.NewDisposeScope();
        if (boxes.Size(0) == 0)
            return scope.MoveToOuter(Torch.Zeros([0, size, size], DType.Float32, boxes.Device));
        var bitmaps = masks.Tensor.To(DType.Float32).Unsqueeze(1);
        var rois = Torch.Cat([gtIndex.To(DType.Float32).Unsqueeze(1), boxes.To(DType.Float32)], 1);
        var targets = Ops.RoIAlign(bitmaps, rois, (size, size), 1.0, samplingRatio: 0, aligned: aligned).Squeeze(1);
        return scope.MoveToOuter(binarize ? targets.Ge(0.5).To(DType.Float32) : targets);
    }

    /// <summary>The masks as a <see cref="BitMasks"/>, or an error naming the supported format.</summary>
    public static BitMasks AsBitMasks(object masks) => masks switch
    {
        BitMasks bitmaps => bitmaps,
        Tensor tensor => new BitMasks(tensor),
        PolygonMasks => throw new NotSupportedException("gt_masks are polygons; the mask head trains on bitmaps: set dataset.mask_format: bitmask"),
        _ => throw new NotSupportedException($"gt_masks of type {masks.GetType().Name} are not supported (BitMasks or a (G, H, W) tensor)"),
    };
}
