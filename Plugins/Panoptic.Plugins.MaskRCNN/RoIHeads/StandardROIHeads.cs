using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Modeling.Structures;
using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// The standard RoI heads (detectron2 <c>StandardROIHeads</c>, torchvision <c>RoIHeads</c>). Training: proposals
/// (plus ground truth) are matched and sampled, the box branch (<c>box_pooler</c> → <c>box_head</c> →
/// <c>box_predictor</c>) gives <c>loss_cls</c> and <c>loss_box_reg</c>, the mask branch (<c>mask_pooler</c> →
/// <c>mask_head</c>) on the foreground proposals gives <c>loss_mask</c>. Inference: detections from the box branch,
/// then mask probabilities (R, 1, M, M) of each detection's class in <c>pred_masks</c> (pasting is the
/// meta-architecture's job).
/// </summary>
[Component("StandardROIHeads", Description = "Proposal sampling, box head + predictor, optional mask head.")]
public sealed class StandardROIHeads : Module, IRoIHeads
{
    private int? _maskResolution;

    public StandardROIHeads(StandardROIHeadsOptions options, RoIHeadsContext context, RoIFeatureExtractorRegistry poolers,
        BoxHeadRegistry boxHeads, MaskHeadRegistry maskHeads)
        : this(StandardROIHeadsParts.Build(options, context, poolers, boxHeads, maskHeads))
    {
    }

    private StandardROIHeads(StandardROIHeadsParts parts)
        : this(parts.InFeatures, parts.BoxPooler, parts.BoxHead, parts.BoxPredictor, parts.MaskPooler, parts.MaskHead, parts.Sampling, parts.Mask)
    {
    }

    /// <summary>Builds the heads by hand from their parts; the mask pooler and head are both given or both null.</summary>
    public StandardROIHeads(IReadOnlyList<string> inFeatures, IRoIFeatureExtractor boxPooler, IBoxHead boxHead, FastRCNNOutputLayers boxPredictor,
        IRoIFeatureExtractor? maskPooler, IMaskHead? maskHead, ProposalSamplingSettings sampling, MaskBranchSettings mask)
    {
        if ((maskPooler is null) != (maskHead is null))
            throw new ArgumentException("give both the mask pooler and the mask head, or neither");
        InFeatures = inFeatures;
        BoxPooler = (IRoIFeatureExtractor)RegisterModule("box_pooler", (Module)boxPooler);
        BoxHead = (IBoxHead)RegisterModule("box_head", (Module)boxHead);
        BoxPredictor = RegisterModule("box_predictor", boxPredictor);
        if (maskPooler is not null && maskHead is not null)
        {
            MaskPooler = (IRoIFeatureExtractor)RegisterModule("mask_pooler", (Module)maskPooler);
            MaskHead = (IMaskHead)RegisterModule("mask_head", (Module)maskHead);
        }
        Sampling = sampling;
        Mask = mask;
    }

    public IReadOnlyList<string> InFeatures { get; }

    public int NumClasses => BoxPredictor.NumClasses;

    public IRoIFeatureExtractor BoxPooler { get; }

    public IBoxHead BoxHead { get; }

    public FastRCNNOutputLayers BoxPredictor { get; }

    public IRoIFeatureExtractor? MaskPooler { get; }

    public IMaskHead? MaskHead { get; }

    public ProposalSamplingSettings Sampling { get; }

    public MaskBranchSettings Mask { get; }

    public InstancesWithLosses Forward(ImageList images, IReadOnlyDictionary<string, Tensor> features, IReadOnlyList<Instances> proposals,
        IReadOnlyList<Instances>? targets)
    {
        var levels = InFeatures.Select(f => features[f]).ToList();
        var proposalBoxes = proposals.Select(p => p.Get<Boxes>(InstanceFields.ProposalBoxes).Tensor).ToList();
        return targets is null ? new InstancesWithLosses(Detect(levels, proposalBoxes, images.ImageSizes), new Dictionary<string, Tensor>())
            : new InstancesWithLosses(proposals, Losses(levels, proposalBoxes, targets));
    }

    /// <summary>Box and mask losses for sampled proposals.</summary>
    private Dictionary<string, Tensor> Losses(IReadOnlyList<Tensor> levels, IReadOnlyList<Tensor> proposalBoxes, IReadOnlyList<Instances> targets)
    {
        using var scope = Torch.NewDisposeScope();
        var sampled = Sampling.Sample(proposalBoxes, targets, NumClasses);
        var boxes = sampled.Select(s => s.Boxes).ToList();
        var (scores, deltas) = BoxPredictor.Forward(BoxHead.Forward(BoxPooler.Forward(levels, boxes.Select(b => new Boxes(b)).ToList())));
        var losses = new Dictionary<string, Tensor>();
        foreach (var (name, loss) in FastRCNNLosses.Compute(scores, deltas, Torch.Cat(boxes, 0), Torch.Cat(sampled.Select(s => s.GtClasses).ToList(), 0),
            Torch.Cat(sampled.Select(s => s.GtBoxes).ToList(), 0), BoxPredictor.BoxCoder, BoxPredictor.Settings))
            losses[name] = scope.MoveToOuter(loss);
        if (MaskPooler is not null && MaskHead is not null)
            losses["loss_mask"] = scope.MoveToOuter(MaskLoss(levels, sampled, targets));
        return losses;
    }

    private Tensor MaskLoss(IReadOnlyList<Tensor> levels, IReadOnlyList<SampledProposals> sampled, IReadOnlyList<Instances> targets)
    {
        var foregroundBoxes = new List<Boxes>();
        var classes = new List<Tensor>();
        var maskTargets = new List<Tensor>();
        for (var i = 0; i < sampled.Count; i++)
        {
            var foreground = (sampled[i].GtClasses.Ge(0) & sampled[i].GtClasses.Lt(NumClasses)).Nonzero().Squeeze(1);
            var boxes = sampled[i].Boxes.IndexSelect(0, foreground);
            foregroundBoxes.Add(new Boxes(boxes));
            classes.Add(sampled[i].GtClasses.IndexSelect(0, foreground));
            var masks = MaskTargets.AsBitMasks(targets[i].Get<object>(InstanceFields.GtMasks));
            maskTargets.Add(MaskTargets.Crop(masks, sampled[i].GtIndex.IndexSelect(0, foreground), boxes, MaskResolution(levels),
                Mask.TargetAligned, Mask.TargetBinarize));
        }
        var logits = MaskHead!.Forward(MaskPooler!.Forward(levels, foregroundBoxes));
        return MaskRCNNLoss.Compute(logits, Torch.Cat(classes, 0), Torch.Cat(maskTargets, 0), Mask.LossType) * Mask.LossWeight;
    }

    /// <summary>Detections (and mask probabilities) for each image's proposals.</summary>
    private IReadOnlyList<Instances> Detect(IReadOnlyList<Tensor> levels, IReadOnlyList<Tensor> proposalBoxes, IReadOnlyList<(int Height, int Width)> imageSizes)
    {
        using var scope = Torch.NewDisposeScope();
        var pooled = BoxPooler.Forward(levels, proposalBoxes.Select(b => new Boxes(b)).ToList());
        var (scores, deltas) = BoxPredictor.Forward(BoxHead.Forward(pooled));
        var detections = FastRCNNInference.Run(scores, deltas, proposalBoxes, imageSizes, BoxPredictor.BoxCoder, BoxPredictor.Settings);
        if (MaskPooler is null || MaskHead is null)
            return scope.MoveToOuter(detections);
        var boxes = detections.Select(d => d.Get<Boxes>(InstanceFields.PredBoxes)).ToList();
        var classes = Torch.Cat(detections.Select(d => d.Get<Tensor>(InstanceFields.PredClasses)).ToList(), 0);
        var logits = MaskHead.Forward(MaskPooler.Forward(levels, boxes));
        var probabilities = MaskRCNNInference.Probabilities(logits, classes, Mask.LossType);
        long start = 0;
        foreach (var detection in detections)
        {
            var count = detection.Count ?? 0;
            detection.Set(InstanceFields.PredMasks, probabilities.Narrow(0, start, count));
            start += count;
        }
        return scope.MoveToOuter(detections);
    }

    /// <summary>Side M of the mask head's output for the mask pooler's features (probed once with an empty batch).</summary>
    private int MaskResolution(IReadOnlyList<Tensor> levels)
    {
        if (_maskResolution is { } known)
            return known;
        using var scope = Torch.NewDisposeScope();
        var empty = Torch.Zeros([0, levels[0].Size(1), MaskPooler!.OutputSize, MaskPooler.OutputSize], levels[0].DType, levels[0].Device);
        _maskResolution = (int)MaskHead!.Forward(empty).Size(2);
        return _maskResolution.Value;
    }
}
