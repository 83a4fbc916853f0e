using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.Backbones.ResNets;

/// <summary>Options of the <c>ResNet</c> backbone (detectron2 <c>MODEL.RESNETS</c>, <c>MODEL.BACKBONE.FREEZE_AT</c>).</summary>
public sealed record ResNetOptions : ComponentOptions
{
    [AllowedValues(18, 34, 50, 101, 152)]
    public int Depth { get; init; } = 50;

    /// <summary>Stages returned, among stem, res2..res5.</summary>
    public IReadOnlyList<string> OutFeatures { get; init; } = ["res4"];

    /// <summary>Normalisation after each convolution.</summary>
    [AllowedValues("FrozenBN", "BN", "SyncBN", "GN", "")]
    public string Norm { get; init; } = "FrozenBN";

    /// <summary>Freeze the stem (1) and the first stages up to this one (2 = stem + res2); 0 trains everything.</summary>
    [Range(0, 5)]
    public int FreezeAt { get; init; } = 2;

    /// <summary>1 for ResNet, 32 for ResNeXt-32x….</summary>
    [Range(1, 256)]
    public int NumGroups { get; init; } = 1;

    [Range(1, 1024)]
    public int WidthPerGroup { get; init; } = 64;

    /// <summary>Stride 2 on the 1×1 convolution (MSRA weights) rather than the 3×3 (torchvision).</summary>
    [ConfigKey("stride_in_1x1")]
    public bool StrideIn1x1 { get; init; } = true;

    [AllowedValues(1, 2)]
    public int Res5Dilation { get; init; } = 1;

    [Range(1, 4096)]
    public int Res2OutChannels { get; init; } = 256;

    [Range(1, 1024)]
    public int StemOutChannels { get; init; } = 64;

    public override IEnumerable<OptionsViolation> Validate()
    {
        string[] known = ["stem", "res2", "res3", "res4", "res5"];
        foreach (var feature in OutFeatures.Where(f => !known.Contains(f)))
            yield return new OptionsViolation("out_features", $"'{feature}' is not a ResNet stage (stages: {string.Join(", ", known)})");
    }
}
