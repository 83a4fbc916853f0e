using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>
/// Options of the <c>MaskRCNNConvUpsample</c> mask head (detectron2 <c>MaskRCNNConvUpsampleHead</c>,
/// <c>MODEL.ROI_MASK_HEAD</c>): <see cref="NumConv"/> 3×3 convs, a 2×2 stride-2 deconvolution, a 1×1 predictor.
/// </summary>
public sealed record MaskRCNNConvUpsampleOptions : ComponentOptions
{
    /// <summary>3×3 convolutions before the deconvolution.</summary>
    [Range(0, 32)]
    public int NumConv { get; init; }

    /// <summary>Channels of the convolutions and the deconvolution.</summary>
    [Range(1, 4096)]
    public int ConvDim { get; init; } = 256;

    /// <summary>Normalisation of the convolutions ("" for none).</summary>
    [AllowedValues("", "BN", "SyncBN", "GN")]
    public string Norm { get; init; } = "";

    /// <summary>Predict one mask for all classes.</summary>
    public bool ClsAgnosticMask { get; init; }
}
