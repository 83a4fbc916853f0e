using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Structures;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using Panoptic.Torch.NN.Modules;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Cascade R-CNN RoI heads (detectron2 <c>CascadeROIHeads</c>). N stages, each with its own box head and class-agnostic
/// predictor (<c>box_head.{k}</c>, <c>box_predictor.{k}</c>) on the shared <c>box_pooler</c>. Training: stage 0 runs on
/// the sampled proposals (ground truth appended); stage k ≥ 1 runs on the previous stage's refined, detached boxes,
/// every one relabelled at the stage's IoU (no sampling). Each stage gives <c>loss_cls_stage{k}</c> and
/// <c>loss_box_reg_stage{k}</c> times its loss weight; the gradient of each stage into the pooled features is scaled
/// by 1/N (<see cref="GradientScale"/>), so summing the losses trains the shared features as averaging them would while
/// the heads get full gradients. The mask head trains on stage 0's sampled foreground (<c>loss_mask</c>), or, with one
/// mask head per stage, each on its stage's foreground (<c>loss_mask_stage{k}</c>). Inference: class probabilities
/// averaged over the stages, boxes from the last stage's regression, then masks of the final boxes (mean of the heads'
/// probabilities when there is one per stage).
/// </summary>
[Component("CascadeROIHeads", Description = "Cascade R-CNN: box stages at rising IoU (0.5/0.6/0.7), scores averaged at test; optional mask head(s).")]
public sealed class CascadeROIHeads : Module, IRoIHeads
{
    private readonly IReadOnlyList<MaskBranch> _maskBranches;

    public CascadeROIHeads(CascadeROIHeadsOptions options, RoIHeadsContext context, RoIFeatureExtractorRegistry poolers,
        BoxHeadRegistry boxHeads, MaskHeadRegistry maskHeads)
        : this(CascadeROIHeadsParts.Build(options, context, poolers, boxHeads, maskHeads))
    {
    }

    private CascadeROIHeads(CascadeROIHeadsParts parts)
        : this(parts.Standard.InFeatures, parts.Standard.BoxPooler, parts.BoxHeads, parts.BoxPredictors, parts.Standard.MaskPooler, parts.MaskHeads,
            parts.Standard.Sampling, parts.Standard.Mask, parts.Cascade)
    {
    }

    /// <summary>Builds the heads by hand: one box head and class-agnostic predictor per stage; no mask head, one, or one per stage.</summary>
    public CascadeROIHeads(IReadOnlyList<string> inFeatures, IRoIFeatureExtractor boxPooler, IReadOnlyList<IBoxHead> boxHeads,
        IReadOnlyList<FastRCNNOutputLayers> boxPredictors, IRoIFeatureExtractor? maskPooler, IReadOnlyList<IMaskHead> maskHeads,
        ProposalSamplingSettings sampling, MaskBranchSettings mask, CascadeSettings cascade)
    {
        var stages = cascade.NumStages;
        if (stages == 0 || boxHeads.Count != stages || boxPredictors.Count != stages || cascade.LossWeights.Count != stages)
            throw new ArgumentException($"a cascade needs one box head, predictor, IoU and loss weight per stage: got {boxHeads.Count}, {boxPredictors.Count}, {stages}, {cascade.LossWeights.Count}");
        if (boxPredictors.FirstOrDefault(p => !p.ClassAgnostic) is not null)
            throw new ArgumentException("cascade stages regress class-agnostic boxes: build the predictors with classAgnostic: true");
        if ((maskPooler is null) != (maskHeads.Count == 0))
            throw new ArgumentException("give the mask pooler and mask heads, or neither");
        if (maskHeads.Count != (cascade.MaskHeadPerStage ? stages : Math.Min(maskHeads.Count, 1)))
            throw new ArgumentException($"give {(cascade.MaskHeadPerStage ? $"one mask head per stage ({stages})" : "one mask head or none")}: got {maskHeads.Count}");
        InFeatures = inFeatures;
        BoxPooler = (IRoIFeatureExtractor)RegisterModule("box_pooler", (Module)boxPooler);
        BoxHeads = boxHeads;
        RegisterModule("box_head", new ModuleList<Module>(boxHeads.Cast<Module>()));
        BoxPredictors = boxPredictors;
        RegisterModule("box_predictor", new ModuleList<FastRCNNOutputLayers>(boxPredictors));
        MaskHeads = maskHeads;
        if (maskPooler is not null)
        {
            MaskPooler = (IRoIFeatureExtractor)RegisterModule("mask_pooler", (Module)maskPooler);
            RegisterModule("mask_head", cascade.MaskHeadPerStage ? new ModuleList<Module>(maskHeads.Cast<Module>()) : (Module)maskHeads[0]);
        }
        _maskBranches = maskHeads.Select(h => new MaskBranch(maskPooler!, h, mask)).ToList();
        Sampling = sampling;
        Mask = mask;
        Cascade = cascade;
    }

    public IReadOnlyList<string> InFeatures { get; }

    public int NumClasses => BoxPredictors[0].NumClasses;

    public int NumStages => Cascade.NumStages;

    public IRoIFeatureExtractor BoxPooler { get; }

    public IReadOnlyList<IBoxHead> BoxHeads { get; }

    public IReadOnlyList<FastRCNNOutputLayers> BoxPredictors { get; }

    public IRoIFeatureExtractor? MaskPooler { get; }

    /// <summary>No mask head, one (trained on stage 0's foreground), or one per stage.</summary>
    public IReadOnlyList<IMaskHead> MaskHeads { get; }

    public bool MaskHeadPerStage => Cascade.MaskHeadPerStage;

    public ProposalSamplingSettings Sampling { get; }

    public MaskBranchSettings Mask { get; }

    public CascadeSettings Cascade { get; }

    public InstancesWithLosses Forward(ImageList images, IReadOnlyDictionary<string, Tensor> features, IReadOnlyList<Instances> proposals,
        IReadOnlyList<Instances>? targets)
    {
        var (levels, proposalBoxes) = RoIHeadsInputs.Read(InFeatures, features, proposals);
        return targets is null
            ? new InstancesWithLosses(Detect(levels, proposalBoxes, images.ImageSizes), new Dictionary<string, Tensor>())
            : new InstancesWithLosses(proposals, Losses(levels, proposalBoxes, targets, images.ImageSizes));
    }

    /// <summary>
    /// Stage <paramref name="stage"/>'s box head and predictor on pooled features. In training the gradient flowing back
    /// into <paramref name="pooled"/> is scaled by 1/N (detectron2 <c>_ScaleGradient</c>); the head's own gradients are not.
    /// </summary>
    /// <param name="stage">k in [0, N).</param>
    /// <param name="pooled">(R, C, S, S) pooled features.</param>
    /// <returns>(R, K + 1) class logits and (R, 4) class-agnostic deltas.</returns>
    public (Tensor Scores, Tensor Deltas) Stage(int stage, Tensor pooled)
    {
        using var scope = Torch.NewDisposeScope();
        var input = Training ? GradientScale.Apply(pooled, 1.0 / NumStages) : pooled;
        var (scores, deltas) = BoxPredictors[stage].Forward(BoxHeads[stage].Forward(input));
        return (scope.MoveToOuter(scores), scope.MoveToOuter(deltas));
    }

    /// <summary>The stages' box losses (and the mask losses) for the sampled proposals and their refinements.</summary>
    private Dictionary<string, Tensor> Losses(IReadOnlyList<Tensor> levels, IReadOnlyList<Tensor> proposalBoxes, IReadOnlyList<Instances> targets,
        IReadOnlyList<(int Height, int Width)> imageSizes)
    {
        using var scope = Torch.NewDisposeScope();
        var losses = new Dictionary<string, Tensor>();
        var sampled = Sampling.Sample(proposalBoxes, targets, NumClasses);
        var labelled = sampled;
        for (var k = 0; k < NumStages; k++)
        {
            var predictor = BoxPredictors[k];
            var weight = Cascade.LossWeights[k];
            var (scores, deltas) = Stage(k, BoxPooler.Forward(levels, labelled.Select(l => new Boxes(l.Boxes)).ToList()));
            foreach (var (name, loss) in FastRCNNLosses.Compute(scores, deltas, labelled, predictor.BoxCoder, predictor.Settings))
                losses[$"{name}_stage{k}"] = scope.MoveToOuter(loss * weight);
            if (MaskHeadPerStage)
                losses[$"loss_mask_stage{k}"] = scope.MoveToOuter(_maskBranches[k].Loss(levels, labelled, targets, NumClasses) * weight);
            if (k + 1 == NumStages)
                break;
            var refined = CascadeRefinement.Next(deltas, labelled.Select(l => l.Boxes).ToList(), predictor.BoxCoder, imageSizes, dropEmpty: true);
            var matcher = Cascade.StageMatcher(k + 1);
            labelled = refined.Select((boxes, i) => ProposalLabels.Assign(boxes, targets[i], matcher, NumClasses)).ToList();
        }
        if (_maskBranches.Count > 0 && !MaskHeadPerStage)
            losses["loss_mask"] = scope.MoveToOuter(_maskBranches[0].Loss(levels, sampled, targets, NumClasses));
        return losses;
    }

    /// <summary>Detections (and mask probabilities) for each image's proposals, refined through every stage.</summary>
    private IReadOnlyList<Instances> Detect(IReadOnlyList<Tensor> levels, IReadOnlyList<Tensor> proposalBoxes, IReadOnlyList<(int Height, int Width)> imageSizes)
    {
        using var scope = Torch.NewDisposeScope();
        var boxes = proposalBoxes;
        var stageScores = new List<Tensor>(NumStages);
        Tensor? deltas = null;
        for (var k = 0; k < NumStages; k++)
        {
            if (deltas is not null)
                boxes = CascadeRefinement.Next(deltas, boxes, BoxPredictors[k - 1].BoxCoder, imageSizes, dropEmpty: false);
            (var scores, deltas) = Stage(k, BoxPooler.Forward(levels, boxes.Select(b => new Boxes(b)).ToList()));
            stageScores.Add(scores);
        }
        var last = BoxPredictors[^1];
        var detections = FastRCNNInference.Run(stageScores, deltas!, boxes, imageSizes, last.BoxCoder, last.Settings);
        if (_maskBranches.Count > 0)
            MaskBranch.Predict(_maskBranches, levels, detections);
        return scope.MoveToOuter(detections);
    }
}
