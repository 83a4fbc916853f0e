using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Modeling.ProposalGenerators;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Modeling.Matching;
using Panoptic.Modeling.Structures;
using Panoptic.Torch;
using Panoptic.Torch.NN;

namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Region proposal network (detectron2 <c>RPN</c>, torchvision <c>RegionProposalNetwork</c>): a shared head
/// (<c>rpn_head</c>) on each input level predicts objectness and deltas for every anchor; proposals are the top
/// anchors by <see cref="ProposalSelection"/> with the training or test settings (by <see cref="Module.Training"/>);
/// with targets it also returns <c>loss_rpn_cls</c> and <c>loss_rpn_loc</c>.
/// </summary>
[Component("RPN", Description = "Region proposal network with the standard conv head.")]
public sealed class RPN : Module, IProposalGenerator
{
    public RPN(RPNOptions options, ProposalGeneratorContext context)
        : this(options.InFeatures, BuildHead(options, context), BuildAnchors(options, context),
            new BoxCoder(options.BboxRegWeights),
            new RPNTrainingSettings(new Matcher(options.IouThresholds, options.IouLabels, allowLowQualityMatches: true), options.BatchSizePerImage,
                options.PositiveFraction, options.BoundaryThresh, options.BboxRegLossType, options.SmoothL1Beta, options.LossNormalizer,
                options.LossWeight, options.BboxRegLossWeight * options.LossWeight),
            new ProposalSettings(options.PreNmsTopkTrain, options.PostNmsTopkTrain, options.PostNmsTopkScope, options.NmsThresh, options.MinSize, options.NmsScore),
            new ProposalSettings(options.PreNmsTopkTest, options.PostNmsTopkTest, options.PostNmsTopkScope, options.NmsThresh, options.MinSize, options.NmsScore))
    {
    }

    /// <summary>Builds the RPN by hand from its parts.</summary>
    public RPN(IReadOnlyList<string> inFeatures, RPNHead head, AnchorGenerator anchorGenerator, BoxCoder boxCoder,
        RPNTrainingSettings training, ProposalSettings trainProposals, ProposalSettings testProposals)
    {
        if (anchorGenerator.Strides.Count != inFeatures.Count)
            throw new ArgumentException($"the anchor generator has {anchorGenerator.Strides.Count} levels for {inFeatures.Count} in_features");
        InFeatures = inFeatures;
        Head = RegisterModule("rpn_head", head);
        AnchorGenerator = anchorGenerator;
        BoxCoder = boxCoder;
        TrainingSettings = training;
        TrainProposals = trainProposals;
        TestProposals = testProposals;
    }

    public IReadOnlyList<string> InFeatures { get; }

    public RPNHead Head { get; }

    public AnchorGenerator AnchorGenerator { get; }

    public BoxCoder BoxCoder { get; }

    public RPNTrainingSettings TrainingSettings { get; }

    public ProposalSettings TrainProposals { get; }

    public ProposalSettings TestProposals { get; }

    public InstancesWithLosses Forward(ImageList images, IReadOnlyDictionary<string, Tensor> features, IReadOnlyList<Instances>? targets)
    {
        using var scope = Torch.NewDisposeScope();
        var levels = InFeatures.Select(f => features[f]).ToList();
        var (objectness, deltas) = Head.Forward(levels);
        var anchors = AnchorGenerator.GridAnchors(levels.Select(l => (l.Size(2), l.Size(3))).ToList(),
            (images.Tensor.Size(2), images.Tensor.Size(3)), levels[0].Device);
        // (N, A, H, W) → (N, H·W·A) and (N, A·4, H, W) → (N, H·W·A, 4): locations row-major, anchors innermost.
        var logits = objectness.Select(o => o.Permute(0, 2, 3, 1).Flatten(1)).ToList();
        var anchorDeltas = deltas.Select(d => d.View(d.Size(0), -1, 4, d.Size(2), d.Size(3)).Permute(0, 3, 4, 1, 2).Flatten(1, 3)).ToList();

        var losses = new Dictionary<string, Tensor>();
        if (targets is not null)
        {
            var allAnchors = Torch.Cat(anchors, 0);
            var gtBoxes = targets.Select(t => t.Get<Boxes>(InstanceFields.GtBoxes).Tensor).ToList();
            var (labels, matched) = RPNLosses.LabelAndSample(allAnchors, gtBoxes, images.ImageSizes, TrainingSettings);
            foreach (var (name, loss) in RPNLosses.Compute(allAnchors, Torch.Cat(logits, 1), Torch.Cat(anchorDeltas, 1), labels, matched, BoxCoder, TrainingSettings))
                losses[name] = scope.MoveToOuter(loss);
        }
        var settings = Training ? TrainProposals : TestProposals;
        var proposals = ProposalSelection.Select(anchors, logits, anchorDeltas, images.ImageSizes, BoxCoder, settings);
        return new InstancesWithLosses(scope.MoveToOuter(proposals), losses);
    }

    private static RPNHead BuildHead(RPNOptions options, ProposalGeneratorContext context)
    {
        var shapes = InputShapes(options, context);
        var channels = shapes.Select(s => s.Channels).Distinct().ToList();
        if (channels.Count != 1)
            throw new ArgumentException($"RPN in_features [{string.Join(", ", options.InFeatures)}] must have one channel count, got [{string.Join(", ", channels)}]");
        var anchors = BuildAnchors(options, context).AnchorsPerLocation.Distinct().ToList();
        if (anchors.Count != 1)
            throw new ArgumentException($"every RPN level needs the same number of anchors per location, got [{string.Join(", ", anchors)}]");
        return new RPNHead(channels[0], anchors[0], options.ConvDims);
    }

    private static AnchorGenerator BuildAnchors(RPNOptions options, ProposalGeneratorContext context) =>
        new(options.AnchorGenerator.Sizes, options.AnchorGenerator.AspectRatios, InputShapes(options, context).Select(s => s.Stride).ToList(),
            options.AnchorGenerator.Offset, options.AnchorGenerator.RoundCellAnchors, options.AnchorGenerator.Strides);

    private static IReadOnlyList<ShapeSpec> InputShapes(RPNOptions options, ProposalGeneratorContext context)
    {
        var missing = options.InFeatures.Where(f => !context.InputShapes.ContainsKey(f)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"RPN in_features {string.Join(", ", missing)} are not backbone outputs (available: {string.Join(", ", context.InputShapes.Keys)})");
        return options.InFeatures.Select(f => context.InputShapes[f]).ToList();
    }
}
