using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// A mask pooler and head with how they train (detectron2 <c>StandardROIHeads._forward_mask</c>): the loss on the
/// foreground of labelled proposals, and mask probabilities for detections. The modules stay registered by their owner.
/// </summary>
public sealed class MaskBranch(IRoIFeatureExtractor pooler, IMaskHead head, MaskBranchSettings settings)
{
    private int? _resolution;

    public IRoIFeatureExtractor Pooler { get; } = pooler;

    public IMaskHead Head { get; } = head;

    public MaskBranchSettings Settings { get; } = settings;

    /// <summary>The weighted mask loss of the foreground proposals.</summary>
    /// <param name="levels">Feature levels the pooler reads.</param>
    /// <param name="labelled">Per image the labelled proposals; those of class in [0, K) train the head.</param>
    /// <param name="targets">Per image <c>gt_masks</c> (G, H, W) the labels' ground-truth indices point into.</param>
    /// <param name="numClasses">K.</param>
    /// <returns>Scalar <c>loss_mask</c> times <see cref="MaskBranchSettings.LossWeight"/>.</returns>
    public Tensor Loss(IReadOnlyList<Tensor> levels, IReadOnlyList<SampledProposals> labelled, IReadOnlyList<Instances> targets, int numClasses)
    {
        using var scope = Torch.NewDisposeScope();
        var foregroundBoxes = new List<Boxes>();
        var classes = new List<Tensor>();
        var maskTargets = new List<Tensor>();
        for (var i = 0; i < labelled.Count; i++)
        {
            var foreground = (labelled[i].GtClasses.Ge(0) & labelled[i].GtClasses.Lt(numClasses)).Nonzero().Squeeze(1);
            var boxes = labelled[i].Boxes.IndexSelect(0, foreground);
            foregroundBoxes.Add(new Boxes(boxes));
            classes.Add(labelled[i].GtClasses.IndexSelect(0, foreground));
            var masks = MaskTargets.AsBitMasks(targets[i].Get<object>(InstanceFields.GtMasks));
            maskTargets.Add(MaskTargets.Crop(masks, labelled[i].GtIndex.IndexSelect(0, foreground), boxes, Resolution(levels),
                Settings.TargetAligned, Settings.TargetBinarize));
        }
        var logits = Head.Forward(Pooler.Forward(levels, foregroundBoxes));
        return scope.MoveToOuter(MaskRCNNLoss.Compute(logits, Torch.Cat(classes, 0), Torch.Cat(maskTargets, 0), Settings.LossType) * Settings.LossWeight);
    }

    /// <summary>Sets each detection's <c>pred_masks</c>: (R_i, 1, M, M) probabilities of its class, averaged over <paramref name="branches"/>.</summary>
    /// <param name="branches">One branch (Mask R-CNN), or one per cascade stage, all with the same M.</param>
    /// <param name="levels">Feature levels the poolers read.</param>
    /// <param name="detections">Per image <c>pred_boxes</c> and <c>pred_classes</c>.</param>
    public static void Predict(IReadOnlyList<MaskBranch> branches, IReadOnlyList<Tensor> levels, IReadOnlyList<Instances> detections)
    {
        var boxes = detections.Select(d => d.Get<Boxes>(InstanceFields.PredBoxes)).ToList();
        var classes = Torch.Cat(detections.Select(d => d.Get<Tensor>(InstanceFields.PredClasses)).ToList(), 0);
        var probabilities = branches
            .Select(b => MaskRCNNInference.Probabilities(b.Head.Forward(b.Pooler.Forward(levels, boxes)), classes, b.Settings.LossType))
            .Aggregate((sum, p) => sum + p);
        if (branches.Count > 1)
            probabilities = probabilities / branches.Count;
        long start = 0;
        foreach (var detection in detections)
        {
            var count = detection.Count ?? 0;
            detection.Set(InstanceFields.PredMasks, probabilities.Narrow(0, start, count));
            start += count;
        }
    }

    /// <summary>Side M of the head's output for the pooler's features (probed once with an empty batch).</summary>
    private int Resolution(IReadOnlyList<Tensor> levels)
    {
        if (_resolution is { } known)
            return known;
        using var scope = Torch.NewDisposeScope();
        var empty = Torch.Zeros([0, levels[0].Size(1), Pooler.OutputSize, Pooler.OutputSize], levels[0].DType, levels[0].Device);
        _resolution = (int)Head.Forward(empty).Size(2);
        return _resolution.Value;
    }
}
