using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

/// <summary><c>anchor_generator</c> of the RPN (detectron2 <c>MODEL.ANCHOR_GENERATOR</c>, <c>DefaultAnchorGenerator</c>).</summary>
public sealed record AnchorGeneratorOptions : ConfigOptions
{
    /// <summary>Anchor sizes (sqrt of area, input pixels) per feature level; one list for all levels is repeated.</summary>
    [MinLength(1)]
    public IReadOnlyList<IReadOnlyList<double>> Sizes { get; init; } = [[32, 64, 128, 256, 512]];

    /// <summary>Height/width ratios per level; one list for all levels is repeated.</summary>
    [MinLength(1)]
    public IReadOnlyList<IReadOnlyList<double>> AspectRatios { get; init; } = [[0.5, 1.0, 2.0]];

    /// <summary>Anchor centre offset in units of the stride: 0 puts centres on the feature grid's corners, 0.5 in the cells.</summary>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Offset { get; init; }

    /// <summary>Round the zero-centred cell anchors to integers (torchvision) instead of keeping exact sizes (detectron2).</summary>
    public bool RoundCellAnchors { get; init; }

    /// <summary>Where the anchor grid's spacing comes from.</summary>
    public AnchorStrides Strides { get; init; } = AnchorStrides.Nominal;
}
