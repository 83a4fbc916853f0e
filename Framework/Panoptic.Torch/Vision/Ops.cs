using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch.Vision;

/// <summary>Detection kernels of the native shim, with <c>torchvision.ops</c> semantics.</summary>
public static class Ops
{
    /// <summary>
    /// RoIAlign: input (N, C, H, W); rois (K, 5) rows (batch index, x1, y1, x2, y2) in image coordinates, scaled by
    /// <paramref name="spatialScale"/> → (K, C, outputSize.H, outputSize.W). <paramref name="samplingRatio"/> ≤ 0 samples
    /// ceil(bin size) points per bin; <paramref name="aligned"/> shifts by half a pixel (detectron2's ROIAlignV2).
    /// Differentiable with respect to the input. CPU kernel (parallel over RoIs forward, channels backward).
    /// </summary>
    public static Tensor RoIAlign(Tensor input, Tensor rois, (long H, long W) outputSize, double spatialScale = 1.0,
        long samplingRatio = -1, bool aligned = false) =>
        Checked.Wrap(pn_roi_align(input.Handle, rois.Handle, spatialScale, outputSize.H, outputSize.W, samplingRatio, aligned ? 1 : 0));

    /// <summary>
    /// Non-maximum suppression: boxes (N, 4) x1,y1,x2,y2 and scores (N) → indices (M) int64 of kept boxes by decreasing
    /// score; a box is dropped when its IoU with a kept one is &gt; <paramref name="iouThreshold"/>.
    /// </summary>
    public static Tensor Nms(Tensor boxes, Tensor scores, double iouThreshold) =>
        Checked.Wrap(pn_nms(boxes.Handle, scores.Handle, iouThreshold));

    /// <summary>
    /// Class-aware NMS (<c>torchvision.ops.batched_nms</c>): boxes of different <paramref name="idxs"/> never suppress each
    /// other. Uses torchvision's own two strategies so results are identical: the coordinate offset trick for up to 4000
    /// box coordinates on CPU, per-class NMS above that.
    /// </summary>
    public static Tensor BatchedNms(Tensor boxes, Tensor scores, Tensor idxs, double iouThreshold)
    {
        using var scope = Torch.NewDisposeScope();
        if (boxes.Numel == 0) return scope.MoveToOuter(Torch.Empty([0], DType.Int64, boxes.Device));
        if (boxes.Numel <= (boxes.Device.IsCuda ? 20000 : 4000))
        {
            var maxCoordinate = boxes.Max();
            var offsets = idxs.To(boxes.DType) * (maxCoordinate + 1);
            var shifted = boxes + offsets.Unsqueeze(1);
            return scope.MoveToOuter(Nms(shifted, scores, iouThreshold));
        }
        var keepMask = Torch.Zeros([scores.Size(0)], DType.Bool, scores.Device);
        foreach (var classId in idxs.Unique().ToArray<long>())
        {
            var members = idxs.Eq(classId).Nonzero().View(-1);
            var kept = Nms(boxes.Index(members), scores.Index(members), iouThreshold);
            keepMask.IndexPut_([members.Index(kept)], true);
        }
        var keepIndices = keepMask.Nonzero().View(-1);
        var order = scores.Index(keepIndices).Sort(descending: true).Indices;
        return scope.MoveToOuter(keepIndices.Index(order));
    }

    /// <summary>
    /// Pastes mask probabilities masks (N, M, M) into (N, imageHeight, imageWidth) at boxes (N, 4) x1,y1,x2,y2, exactly as
    /// torchvision's <c>paste_masks_in_image</c> (padding by <paramref name="padding"/>, box enlarged by (M+2p)/M and
    /// truncated to integers, bilinear resize, clipped to the image). Threshold the result (e.g. ≥ 0.5) for binary masks.
    /// </summary>
    public static Tensor PasteMasks(Tensor masks, Tensor boxes, long imageHeight, long imageWidth, long padding = 1) =>
        Checked.Wrap(pn_paste_masks(masks.Handle, boxes.Handle, imageHeight, imageWidth, padding));
}
