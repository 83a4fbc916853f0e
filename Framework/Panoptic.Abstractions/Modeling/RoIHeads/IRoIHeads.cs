using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling.RoIHeads;

/// <summary>Per-region heads (detectron2 <c>ROIHeads</c>): sampling, box head and predictor, mask head.</summary>
public interface IRoIHeads : IModelComponent
{
    /// <summary>Detections per image and, with targets, the box and mask losses.</summary>
    /// <param name="images">The padded batch.</param>
    /// <param name="features">Backbone features by name.</param>
    /// <param name="proposals">Per image, <c>proposal_boxes</c> and <c>objectness_logits</c>.</param>
    /// <param name="targets">Ground truth per image in training (<c>gt_boxes</c>, <c>gt_classes</c>, <c>gt_masks</c>), else null.</param>
    InstancesWithLosses Forward(ImageList images, IReadOnlyDictionary<string, Tensor> features, IReadOnlyList<Instances> proposals, IReadOnlyList<Instances>? targets);
}
