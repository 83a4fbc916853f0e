using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Abstractions.Modeling.RoIHeads;
using Panoptic.Abstractions.Structures;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>The standard parts (stage 0's box head and predictor among them) plus the later stages' heads, built through the registries.</summary>
internal sealed record CascadeROIHeadsParts(StandardROIHeadsParts Standard, IReadOnlyList<IBoxHead> BoxHeads, IReadOnlyList<FastRCNNOutputLayers> BoxPredictors,
    IReadOnlyList<IMaskHead> MaskHeads, CascadeSettings Cascade)
{
    public static CascadeROIHeadsParts Build(CascadeROIHeadsOptions options, RoIHeadsContext context, RoIFeatureExtractorRegistry poolers,
        BoxHeadRegistry boxHeads, MaskHeadRegistry maskHeads)
    {
        var standard = StandardROIHeadsParts.Build(options, context, poolers, boxHeads, maskHeads);
        var channels = context.InputShapes[options.InFeatures[0]].Channels;
        var heads = new List<IBoxHead> { standard.BoxHead };
        var predictors = new List<FastRCNNOutputLayers> { standard.BoxPredictor };
        var masks = standard.MaskHead is null ? new List<IMaskHead>() : [standard.MaskHead];
        for (var k = 1; k < options.NumStages; k++)
        {
            var side = standard.BoxPooler.OutputSize;
            var head = boxHeads.Build(options.BoxHead, new BoxHeadContext(new ShapeSpec(channels, Height: side, Width: side)));
            heads.Add(head);
            predictors.Add(StandardROIHeadsParts.Predictor(options, head, options.BboxRegWeights[k]));
            if (options.MaskHeadPerStage && options.MaskHead is not null && standard.MaskPooler is { } maskPooler)
            {
                var pooled = new ShapeSpec(channels, Height: maskPooler.OutputSize, Width: maskPooler.OutputSize);
                masks.Add(maskHeads.Build(options.MaskHead, new MaskHeadContext(pooled, options.NumClasses)));
            }
        }
        return new CascadeROIHeadsParts(standard, heads, predictors, masks, new CascadeSettings(options.Ious, options.StageLossWeights, options.MaskHeadPerStage && options.MaskHead is not null));
    }
}
