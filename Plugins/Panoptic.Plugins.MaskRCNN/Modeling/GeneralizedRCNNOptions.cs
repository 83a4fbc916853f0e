using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Modeling.Backbones;
using Panoptic.Abstractions.Modeling.ProposalGenerators;
using Panoptic.Abstractions.Modeling.RoIHeads;

namespace Panoptic.Plugins.MaskRCNN.Modeling;

/// <summary>Options of <c>GeneralizedRCNN</c> (detectron2 <c>MODEL.*</c>): backbone, proposals, RoI heads, input normalisation.</summary>
[Component("GeneralizedRCNN", Kind = typeof(IMetaArchitecture), Description = "Backbone + proposal generator + RoI heads (Faster/Mask R-CNN).")]
public sealed record GeneralizedRCNNOptions : ComponentOptions
{
    /// <summary>Feature extractor.</summary>
    public ComponentSpec<IBackbone> Backbone { get; init; } = ComponentSpec<IBackbone>.Named("FPN");

    /// <summary>Region proposals.</summary>
    public ComponentSpec<IProposalGenerator> ProposalGenerator { get; init; } = ComponentSpec<IProposalGenerator>.Named("RPN");

    /// <summary>Per-region heads.</summary>
    public ComponentSpec<IRoIHeads> RoiHeads { get; init; } = ComponentSpec<IRoIHeads>.Named("StandardROIHeads");

    /// <summary>Per-channel mean subtracted from images, in the dataset's image format (BGR for detectron2 weights).</summary>
    [Length(1, 4)]
    public IReadOnlyList<double> PixelMean { get; init; } = [103.530, 116.280, 123.675];

    /// <summary>Per-channel divisor; 1 for detectron2's Caffe2-style weights.</summary>
    [Length(1, 4)]
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public IReadOnlyList<double> PixelStd { get; init; } = [1.0, 1.0, 1.0];

    /// <summary>Initial weights (a checkpoint path); null trains from scratch.</summary>
    [ConfigPath]
    public string? Weights { get; init; }

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (PixelMean.Count != PixelStd.Count)
            yield return new OptionsViolation("pixel_std", $"pixel_std has {PixelStd.Count} channels, pixel_mean {PixelMean.Count}");
    }
}
