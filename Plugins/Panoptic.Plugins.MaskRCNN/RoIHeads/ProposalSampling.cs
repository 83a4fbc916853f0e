using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Matching;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>The proposals of one image chosen for the RoI-head losses (sampled; in later cascade stages all refined boxes), with their targets.</summary>
/// <param name="Boxes">(S, 4) proposal boxes, positives first.</param>
/// <param name="GtClasses">(S,) int64 target class; the class count for background.</param>
/// <param name="GtIndex">(S,) int64 index of the matched ground truth (meaningless for background).</param>
/// <param name="GtBoxes">(S, 4) matched ground-truth boxes (zeros when the image has none).</param>
public sealed record SampledProposals(Tensor Boxes, Tensor GtClasses, Tensor GtIndex, Tensor GtBoxes)
{
    /// <summary>The rows <paramref name="index"/> ((S',) int64) of every field, as new tensors.</summary>
    public SampledProposals Take(Tensor index) =>
        new(Boxes.IndexSelect(0, index), GtClasses.IndexSelect(0, index), GtIndex.IndexSelect(0, index), GtBoxes.IndexSelect(0, index));

    /// <summary>This record, its tensors moved out of <paramref name="scope"/> to the enclosing scope.</summary>
    public SampledProposals MoveToOuter(DisposeScope scope) =>
        new(scope.MoveToOuter(Boxes), scope.MoveToOuter(GtClasses), scope.MoveToOuter(GtIndex), scope.MoveToOuter(GtBoxes));
}

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
            var boxes = AppendGroundTruth ? Torch.Cat([proposals[i], gtBoxes.To(proposals[i].DType)], 0) : proposals[i];
            var labelled = ProposalLabels.Assign(boxes, targets[i], Matcher, numClasses);
            var (positive, negative) = BalancedSampler.Sample(labelled.GtClasses, BatchSizePerImage, PositiveFraction, numClasses);
            var chosen = labelled.Take(Torch.Cat([positive, negative], 0));
            sampled.Add(chosen.MoveToOuter(scope));
        }
        return sampled;
    }
}
