using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Modeling.Matching;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Matches an image's boxes to its ground truth and labels every one of them (the labelling half of detectron2
/// <c>ROIHeads.label_and_sample_proposals</c>; all of <c>CascadeROIHeads._match_and_label_boxes</c>).
/// </summary>
public static class ProposalLabels
{
    /// <param name="boxes">(R, 4) boxes to label.</param>
    /// <param name="target">The image's <c>gt_boxes</c> (G, 4) and <c>gt_classes</c> (G,).</param>
    /// <param name="matcher">IoU thresholds and labels (1 foreground, 0 background, −1 ignored).</param>
    /// <param name="numClasses">K: the background label.</param>
    /// <returns>
    /// All R boxes (a new handle) with their class (the matched ground truth's, K for background, −1 for ignored), matched
    /// ground-truth index (0 when G = 0) and matched ground-truth box (zeros when G = 0), in the boxes' order.
    /// </returns>
    public static SampledProposals Assign(Tensor boxes, Instances target, Matcher matcher, int numClasses)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var gtBoxes = target.Get<Boxes>(InstanceFields.GtBoxes).Tensor;
        var gtClasses = target.Get<Tensor>(InstanceFields.GtClasses);
        var (matches, labels) = matcher.Match(BoxOps.PairwiseIou(gtBoxes, boxes));
        var classes = gtBoxes.Size(0) == 0
            ? Torch.FullLike(labels, numClasses)
            : Torch.Where(labels.Eq(0), Torch.FullLike(labels, numClasses), gtClasses.IndexSelect(0, matches));
        classes.MaskedFill_(labels.Eq(-1), -1);
        var matchedBoxes = gtBoxes.Size(0) == 0 ? Torch.Zeros([boxes.Size(0), 4], boxes.DType, boxes.Device) : gtBoxes.IndexSelect(0, matches);
        return new SampledProposals(boxes.Alias(), classes, matches, matchedBoxes.To(boxes.DType)).MoveToOuter(scope);
    }
}
