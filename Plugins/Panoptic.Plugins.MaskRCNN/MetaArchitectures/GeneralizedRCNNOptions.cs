using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling.Backbones;
using Panoptic.Abstractions.Modeling.ProposalGenerators;
using Panoptic.Abstractions.Modeling.RoIHeads;

namespace Panoptic.Plugins.MaskRCNN.MetaArchitectures;

/// <summary>
/// Options of <c>GeneralizedRCNN</c> (detectron2 <c>MODEL.*</c>; torchvision's <c>GeneralizedRCNNTransform</c> by
/// <see cref="PixelDivisor"/>, <see cref="MinSize"/> and <see cref="MaxSize"/>): backbone, proposals, RoI heads,
/// input normalisation and resizing, output masks.
/// </summary>
public record GeneralizedRCNNOptions : ComponentOptions
{
    /// <summary>Feature extractor.</summary>
    public ComponentSpec<IBackbone> Backbone { get; init; } = ComponentSpec<IBackbone>.Named("FPN");

    /// <summary>Region proposals.</summary>
    public ComponentSpec<IProposalGenerator> ProposalGenerator { get; init; } = ComponentSpec<IProposalGenerator>.Named("RPN");

    /// <summary>Per-region heads.</summary>
    public ComponentSpec<IRoIHeads> RoiHeads { get; init; } = ComponentSpec<IRoIHeads>.Named("StandardROIHeads");

    /// <summary>Per-channel mean subtracted from images (after <see cref="PixelDivisor"/>), in the dataset's channel order.</summary>
    [Length(1, 4)]
    public IReadOnlyList<double> PixelMean { get; init; } = [103.530, 116.280, 123.675];

    /// <summary>Per-channel divisor; 1 for detectron2's Caffe2-style weights.</summary>
    [Length(1, 4)]
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public IReadOnlyList<double> PixelStd { get; init; } = [1.0, 1.0, 1.0];

    /// <summary>Images (0..255) are divided by this before normalisation: 1 for detectron2, 255 for torchvision's [0, 1] inputs.</summary>
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public double PixelDivisor { get; init; } = 1.0;

    /// <summary>
    /// Shorter sides the model resizes normalised images to (torchvision <c>min_size</c>: one drawn per image in training,
    /// the last at test); empty leaves resizing to the data transforms (detectron2).
    /// </summary>
    [Range(1, 16384)]
    public IReadOnlyList<int> MinSize { get; init; } = [];

    /// <summary>Longest side after the model's resize (torchvision <c>max_size</c>).</summary>
    [Range(1, 16384)]
    public int MaxSize { get; init; } = 1333;

    /// <summary>Pasted mask probabilities at or above this are the instance's pixels.</summary>
    [Range(0.0, 1.0)]
    public double MaskThreshold { get; init; } = 0.5;

    /// <summary>Initial weights: our <c>.safetensors</c>, or a torchvision Mask R-CNN <c>.pth</c> state dict (mapped by name); null trains from scratch.</summary>
    [ConfigPath]
    public string? Weights { get; init; }

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (PixelMean.Count != PixelStd.Count)
            yield return new OptionsViolation("pixel_std", $"pixel_std has {PixelStd.Count} channels, pixel_mean {PixelMean.Count}");
    }
}
