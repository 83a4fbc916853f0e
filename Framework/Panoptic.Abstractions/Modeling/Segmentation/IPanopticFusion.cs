using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling.Segmentation;

/// <summary>
/// Combines one image's instances and semantic labels into a panoptic segmentation (detectron2
/// <c>combine_semantic_and_instance_outputs</c>). Segment category ids are the dataset's (through
/// <see cref="Data.DatasetMetadata.ThingDatasetIds"/> and <see cref="Data.DatasetMetadata.StuffDatasetIds"/>).
/// </summary>
public interface IPanopticFusion : IModelComponent
{
    /// <param name="instances">
    /// Detections of one image at the output resolution H×W: <c>scores</c> (R,) float, <c>pred_classes</c> (R,) int64
    /// contiguous thing indices, <c>pred_masks</c> (R, H, W) bool (a tensor or <see cref="BitMasks"/>). No field or R = 0
    /// means no instances.
    /// </param>
    /// <param name="semanticLabels">(H, W) int64 arg-max of the semantic logits: 0 = things, 1..S = stuff classes.</param>
    /// <returns>The (H, W) int32 segment-id map (0 = void) and its segments; the caller owns the map.</returns>
    PanopticResult Combine(Instances instances, Tensor semanticLabels);
}
