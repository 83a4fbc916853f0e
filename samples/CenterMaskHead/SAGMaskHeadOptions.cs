using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace CenterMaskHead;

/// <summary>
/// Options of the <c>SAGMaskHead</c> mask head (config node <c>model.roi_heads.mask_head</c>, <c>name: SAGMaskHead</c>).
/// Keys are the properties in snake_case; the host rejects unknown keys, wrong types and out-of-range values.
/// </summary>
public sealed record SAGMaskHeadOptions : ComponentOptions
{
    /// <summary>3×3 convolutions (with ReLU) before the spatial attention; CenterMask uses 4.</summary>
    [Range(1, 32)]
    public int NumConv { get; init; } = 4;

    /// <summary>Channels of the convolutions and the deconvolution.</summary>
    [Range(1, 4096)]
    public int ConvDim { get; init; } = 256;

    /// <summary>Normalisation of the 3×3 convolutions: "" for none, or "GN" (group norm, 32 groups).</summary>
    [AllowedValues("", "GN")]
    public string Norm { get; init; } = "";

    /// <summary>Kernel of the attention convolution over the stacked (max, mean) maps; odd, CenterMask uses 3.</summary>
    [Range(1, 7)]
    public int AttentionKernel { get; init; } = 3;

    /// <summary>Predict one mask for all classes instead of one per class.</summary>
    public bool ClsAgnosticMask { get; init; }

    /// <inheritdoc />
    public override IEnumerable<OptionsViolation> Validate()
    {
        if (AttentionKernel % 2 == 0)
            yield return new("attention_kernel", $"must be odd (the attention map keeps the feature size), got {AttentionKernel}");
        if (Norm == "GN" && ConvDim % 32 != 0)
            yield return new("conv_dim", $"must be a multiple of 32 with norm: GN (32 groups), got {ConvDim}");
    }
}
