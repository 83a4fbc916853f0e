using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Modeling.Matching;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>The sub-components an options record describes, built through the registries.</summary>
internal sealed record StandardROIHeadsParts(IReadOnlyList<string> InFeatures, IRoIFeatureExtractor BoxPooler, IBoxHead BoxHead, FastRCNNOutputLayers BoxPredictor,
    IRoIFeatureExtractor? MaskPooler, IMaskHead? MaskHead, ProposalSamplingSettings Sampling, MaskBranchSettings Mask)
{
    public static StandardROIHeadsParts Build(StandardROIHeadsOptions options, RoIHeadsContext context, RoIFeatureExtractorRegistry poolers,
        BoxHeadRegistry boxHeads, MaskHeadRegistry maskHeads)
    {
        var missing = options.InFeatures.Where(f => !context.InputShapes.ContainsKey(f)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"roi_heads in_features {string.Join(", ", missing)} are not backbone outputs (available: {string.Join(", ", context.InputShapes.Keys)})");
        var shapes = options.InFeatures.Select(f => context.InputShapes[f]).ToList();
        var channels = shapes.Select(s => s.Channels).Distinct().ToList();
        if (channels.Count != 1)
            throw new ArgumentException($"roi_heads in_features [{string.Join(", ", options.InFeatures)}] must have one channel count, got [{string.Join(", ", channels)}]");
        var poolerContext = new RoIFeatureExtractorContext(shapes);
        var boxPooler = poolers.Build(options.BoxPooler, poolerContext);
        var boxHead = boxHeads.Build(options.BoxHead, new BoxHeadContext(new ShapeSpec(channels[0], Height: boxPooler.OutputSize, Width: boxPooler.OutputSize)));
        IRoIFeatureExtractor? maskPooler = null;
        IMaskHead? maskHead = null;
        if (options.MaskHead is not null)
        {
            maskPooler = poolers.Build(options.MaskPooler, poolerContext);
            var pooled = new ShapeSpec(channels[0], Height: maskPooler.OutputSize, Width: maskPooler.OutputSize);
            maskHead = maskHeads.Build(options.MaskHead, new MaskHeadContext(pooled, options.NumClasses));
        }
        var sampling = new ProposalSamplingSettings(new Matcher(options.IouThresholds, options.IouLabels, allowLowQualityMatches: false),
            options.BatchSizePerImage, options.PositiveFraction, options.ProposalAppendGt);
        var mask = new MaskBranchSettings(options.MaskLossType, options.MaskLossWeight, options.MaskTargetAligned, options.MaskTargetBinarize);
        return new StandardROIHeadsParts(options.InFeatures, boxPooler, boxHead, Predictor(options, boxHead), maskPooler, maskHead, sampling, mask);
    }

    /// <summary>The box predictor on <paramref name="boxHead"/>'s output, its box transform weighted by <paramref name="bboxRegWeights"/> (default: <c>box_predictor.bbox_reg_weights</c>).</summary>
    internal static FastRCNNOutputLayers Predictor(StandardROIHeadsOptions options, IBoxHead boxHead, IReadOnlyList<double>? bboxRegWeights = null)
    {
        var predictor = options.BoxPredictor;
        var shape = boxHead.OutputShape;
        var inputSize = (long)shape.Channels * (shape.Height ?? 1) * (shape.Width ?? 1);
        var settings = new FastRCNNSettings(predictor.BboxRegLossType, predictor.SmoothL1Beta, predictor.BboxRegLossWeight,
            options.ScoreThreshTest, options.NmsThreshTest, options.DetectionsPerImage, options.TestMinBoxSize);
        return new FastRCNNOutputLayers(inputSize, options.NumClasses, new BoxCoder(bboxRegWeights ?? predictor.BboxRegWeights), predictor.ClsAgnosticBboxReg, settings);
    }
}
