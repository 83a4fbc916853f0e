using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling.RoIHeads;

namespace Panoptic.Plugins.MaskRCNN.Modeling;

/// <summary>
/// Options of the <c>MaskRCNNConvUpsample</c> mask head (detectron2 <c>MaskRCNNConvUpsampleHead</c>,
/// <c>MODEL.ROI_MASK_HEAD</c>): <see cref="NumConv"/> 3×3 convs, a 2×2 stride-2 deconvolution, a 1×1 predictor.
/// </summary>
[Component("MaskRCNNConvUpsample", Kind = typeof(IMaskHead), Description = "num_conv 3x3 convs, 2x2 deconv (x2), 1x1 per-class predictor.")]
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

    [Range(0.0, 1000.0)]
    public double LossWeight { get; init; } = 1.0;
}
