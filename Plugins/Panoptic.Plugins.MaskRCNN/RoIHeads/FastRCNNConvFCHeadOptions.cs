using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>Options of the <c>FastRCNNConvFCHead</c> box head (detectron2 <c>MODEL.ROI_BOX_HEAD</c>): convs then FCs.</summary>
public sealed record FastRCNNConvFCHeadOptions : ComponentOptions
{
    [Range(0, 32)]
    public int NumConv { get; init; }

    [Range(1, 4096)]
    public int ConvDim { get; init; } = 256;

    [Range(0, 32)]
    public int NumFc { get; init; }

    [Range(1, 65536)]
    public int FcDim { get; init; } = 1024;

    /// <summary>Normalisation of the convolutions ("" for none).</summary>
    [AllowedValues("", "BN", "SyncBN", "GN")]
    public string Norm { get; init; } = "";

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (NumConv + NumFc == 0)
            yield return new OptionsViolation("num_fc", "the box head needs at least one layer: num_conv + num_fc must be ≥ 1");
    }
}
