using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using Panoptic.Torch.Vision;

namespace Panoptic.Plugins.MaskRCNN.MetaArchitectures;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Detections from network-input coordinates to the requested output size (torchvision
/// <c>GeneralizedRCNNTransform.postprocess</c>; detectron2 <c>detector_postprocess</c> without its second clip): boxes
/// scaled by float32 output/input ratios per axis; mask probabilities pasted into the output image at the scaled boxes
/// (<see cref="Ops.PasteMasks"/>, torchvision's <c>paste_masks_in_image</c>) and thresholded.
/// </summary>
public static class DetectionPostprocess
{
    /// <param name="detections"><c>pred_boxes</c>, <c>scores</c>, <c>pred_classes</c> and optionally <c>pred_masks</c> (R, 1, M, M) probabilities.</param>
    /// <param name="outputHeight">Height to report at (the original image's).</param>
    /// <param name="outputWidth">Width to report at.</param>
    /// <param name="maskThreshold">Pasted probabilities at or above it are mask pixels.</param>
    /// <returns>The detections at the output size, <c>pred_masks</c> (R, H, W) bool.</returns>
    public static Instances Run(Instances detections, int outputHeight, int outputWidth, double maskThreshold)
    {
        using var scope = Torch.NewDisposeScope();
        var ratioY = (float)outputHeight / detections.ImageHeight;
        var ratioX = (float)outputWidth / detections.ImageWidth;
        var boxes = detections.Get<Boxes>(InstanceFields.PredBoxes).Tensor;
        var scaled = boxes * Torch.From([ratioX, ratioY, ratioX, ratioY], 1, 4).To(boxes.Device);
        var result = new Instances(outputHeight, outputWidth)
            .Set(InstanceFields.PredBoxes, new Boxes(scope.MoveToOuter(scaled)))
            .Set(InstanceFields.Scores, detections.Get<Tensor>(InstanceFields.Scores))
            .Set(InstanceFields.PredClasses, detections.Get<Tensor>(InstanceFields.PredClasses));
        if (detections.Has(InstanceFields.PredMasks))
        {
            var probabilities = detections.Get<Tensor>(InstanceFields.PredMasks);
            var pasted = Ops.PasteMasks(probabilities.Squeeze(1), scaled, outputHeight, outputWidth);
            result.Set(InstanceFields.PredMasks, scope.MoveToOuter(pasted.Ge(maskThreshold)));
        }
        return result;
    }
}
