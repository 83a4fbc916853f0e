using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling.Segmentation;

/// <summary>Combines instances and semantic labels into one panoptic segmentation (detectron2 <c>combine_semantic_and_instance_outputs</c>).</summary>
public interface IPanopticFusion : IModelComponent
{
    /// <param name="instances">Detections of one image with <c>scores</c>, <c>pred_classes</c>, <c>pred_masks</c> (R, H, W) bool.</param>
    /// <param name="semanticLabels">(H, W) int64 arg-max of the semantic logits.</param>
    PanopticResult Combine(Instances instances, Tensor semanticLabels);
}
