using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling.Backbones;

namespace Panoptic.Plugins.Backbones.FeaturePyramids;

/// <summary>Options of the <c>FPN</c> backbone (detectron2 <c>MODEL.FPN</c>, <c>build_resnet_fpn_backbone</c>).</summary>
public sealed record FPNOptions : ComponentOptions
{
    /// <summary>The network the pyramid is built on.</summary>
    public ComponentSpec<IBackbone> BottomUp { get; init; } = ComponentSpec<IBackbone>.Named("ResNet");

    /// <summary>Bottom-up features used, finest first.</summary>
    [MinLength(1)]
    public IReadOnlyList<string> InFeatures { get; init; } = [];

    /// <summary>Channels of every pyramid level.</summary>
    [Range(1, 4096)]
    public int OutChannels { get; init; } = 256;

    /// <summary>Normalisation of the lateral and output convolutions ("" for none).</summary>
    [AllowedValues("", "BN", "SyncBN", "GN")]
    public string Norm { get; init; } = "";

    public FuseType FuseType { get; init; } = FuseType.Sum;

    public TopBlock TopBlock { get; init; } = TopBlock.MaxPool;
}
