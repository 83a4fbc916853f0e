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
    private readonly MaskBranch? _maskBranch;

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
            _maskBranch = new MaskBranch(maskPooler, maskHead, mask);
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
        var (levels, proposalBoxes) = RoIHeadsInputs.Read(InFeatures, features, proposals);
        return targets is null ? new InstancesWithLosses(Detect(levels, proposalBoxes, images.ImageSizes), new Dictionary<string, Tensor>())
            : new InstancesWithLosses(proposals, Losses(levels, proposalBoxes, targets));
    }

    /// <summary>Box and mask losses for sampled proposals.</summary>
    private Dictionary<string, Tensor> Losses(IReadOnlyList<Tensor> levels, IReadOnlyList<Tensor> proposalBoxes, IReadOnlyList<Instances> targets)
    {
        using var scope = Torch.NewDisposeScope();
        var sampled = Sampling.Sample(proposalBoxes, targets, NumClasses);
        var (scores, deltas) = BoxPredictor.Forward(BoxHead.Forward(BoxPooler.Forward(levels, sampled.Select(s => new Boxes(s.Boxes)).ToList())));
        var losses = new Dictionary<string, Tensor>();
        foreach (var (name, loss) in FastRCNNLosses.Compute(scores, deltas, sampled, BoxPredictor.BoxCoder, BoxPredictor.Settings))
            losses[name] = scope.MoveToOuter(loss);
        if (_maskBranch is not null)
            losses["loss_mask"] = scope.MoveToOuter(_maskBranch.Loss(levels, sampled, targets, NumClasses));
        return losses;
    }

    /// <summary>Detections (and mask probabilities) for each image's proposals.</summary>
    private IReadOnlyList<Instances> Detect(IReadOnlyList<Tensor> levels, IReadOnlyList<Tensor> proposalBoxes, IReadOnlyList<(int Height, int Width)> imageSizes)
    {
        using var scope = Torch.NewDisposeScope();
        var pooled = BoxPooler.Forward(levels, proposalBoxes.Select(b => new Boxes(b)).ToList());
        var (scores, deltas) = BoxPredictor.Forward(BoxHead.Forward(pooled));
        var detections = FastRCNNInference.Run(scores, deltas, proposalBoxes, imageSizes, BoxPredictor.BoxCoder, BoxPredictor.Settings);
        if (_maskBranch is not null)
            MaskBranch.Predict([_maskBranch], levels, detections);
        return scope.MoveToOuter(detections);
    }
}
