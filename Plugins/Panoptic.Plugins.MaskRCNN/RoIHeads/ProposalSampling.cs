using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Modeling.Matching;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>The proposals of one image chosen for the RoI-head losses, with their targets.</summary>
/// <param name="Boxes">(S, 4) proposal boxes, positives first.</param>
/// <param name="GtClasses">(S,) int64 target class; the class count for background.</param>
/// <param name="GtIndex">(S,) int64 index of the matched ground truth (meaningless for background).</param>
/// <param name="GtBoxes">(S, 4) matched ground-truth boxes (zeros when the image has none).</param>
public sealed record SampledProposals(Tensor Boxes, Tensor GtClasses, Tensor GtIndex, Tensor GtBoxes);

/// <summary>How RoI heads pick training proposals (detectron2 <c>ROIHeads.label_and_sample_proposals</c>).</summary>
/// <param name="Matcher">Proposal-to-ground-truth matching (IoU 0.5, no low-quality matches).</param>
/// <param name="BatchSizePerImage">Proposals sampled per image.</param>
/// <param name="PositiveFraction">Target fraction of foreground among them.</param>
/// <param name="AppendGroundTruth">Add the ground-truth boxes to the proposals first.</param>
public sealed record ProposalSamplingSettings(Matcher Matcher, int BatchSizePerImage, double PositiveFraction, bool AppendGroundTruth)
{
    /// <summary>Labels and samples each image's proposals.</summary>
    /// <param name="proposals">Per image (R_i, 4) proposal boxes.</param>
    /// <param name="targets">Per image <c>gt_boxes</c> and <c>gt_classes</c>.</param>
    /// <param name="numClasses">K: the background label.</param>
    public IReadOnlyList<SampledProposals> Sample(IReadOnlyList<Tensor> proposals, IReadOnlyList<Instances> targets, int numClasses)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var sampled = new List<SampledProposals>(proposals.Count);
        for (var i = 0; i < proposals.Count; i++)
        {
            var gtBoxes = targets[i].Get<Boxes>(InstanceFields.GtBoxes).Tensor;
            var gtClasses = targets[i].Get<Tensor>(InstanceFields.GtClasses);
            var boxes = AppendGroundTruth ? Torch.Cat([proposals[i], gtBoxes.To(proposals[i].DType)], 0) : proposals[i];
            var (matches, labels) = Matcher.Match(BoxOps.PairwiseIou(gtBoxes, boxes));
            var classes = gtBoxes.Size(0) == 0
                ? Torch.FullLike(labels, numClasses)
                : Torch.Where(labels.Eq(0), Torch.FullLike(labels, numClasses), gtClasses.IndexSelect(0, matches));
            classes.MaskedFill_(labels.Eq(-1), -1);
            var (positive, negative) = BalancedSampler.Sample(classes, BatchSizePerImage, PositiveFraction, numClasses);
            var chosen = Torch.Cat([positive, negative], 0);
            var index = matches.IndexSelect(0, chosen);
            var matchedBoxes = gtBoxes.Size(0) == 0 ? Torch.Zeros([chosen.Size(0), 4], boxes.DType, boxes.Device) : gtBoxes.IndexSelect(0, index);
            sampled.Add(new SampledProposals(scope.MoveToOuter(boxes.IndexSelect(0, chosen)), scope.MoveToOuter(classes.IndexSelect(0, chosen)),
                scope.MoveToOuter(index), scope.MoveToOuter(matchedBoxes.To(boxes.DType))));
        }
        return sampled;
    }
}
