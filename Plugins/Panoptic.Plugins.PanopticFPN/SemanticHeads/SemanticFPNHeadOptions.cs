using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.PanopticFPN.SemanticHeads;

/// <summary>
/// Options of the <c>SemanticFPNHead</c> (detectron2 <c>SemSegFPNHead</c>, <c>MODEL.SEM_SEG_HEAD</c>; Panoptic FPN
/// values as defaults).
/// </summary>
public sealed record SemanticFPNHeadOptions : ComponentOptions
{
    /// <summary>Backbone features the head reads, each with its own tower (detectron2 <c>IN_FEATURES</c>).</summary>
    [Length(1, 16)]
    public IReadOnlyList<string> InFeatures { get; init; } = ["p2", "p3", "p4", "p5"];

    /// <summary>Semantic classes: the stuff classes plus one "things" class (54 on COCO panoptic).</summary>
    [Range(1, 65535)]
    public int NumClasses { get; init; } = 54;

    /// <summary>Channels of the 3×3 convolutions (detectron2 <c>CONVS_DIM</c>).</summary>
    [Range(1, 4096)]
    public int ConvDims { get; init; } = 128;

    /// <summary>Stride every level is upsampled to before the sum; a power of two no larger than the finest feature's.</summary>
    [Range(1, 1024)]
    public int CommonStride { get; init; } = 4;

    /// <summary>Normalisation after each convolution: <c>GN</c> (32 groups), <c>BN</c>, <c>SyncBN</c>, <c>FrozenBN</c> or "" for none (then with bias).</summary>
    [AllowedValues("", "BN", "SyncBN", "FrozenBN", "GN")]
    public string Norm { get; init; } = "GN";

    /// <summary>Multiplier of the cross-entropy loss (0.5 in Panoptic FPN).</summary>
    [Range(0.0, 1e6)]
    public double LossWeight { get; init; } = 0.5;

    /// <summary>Target label excluded from the loss (void, crowd, padding).</summary>
    [Range(0, 65535)]
    public int IgnoreValue { get; init; } = 255;

    /// <summary>
    /// Initial weights of the 1×1 predictor: null for detectron2's <c>c2_msra_fill</c> (kaiming normal, fan-out, ReLU
    /// gain, zero bias), else N(0, predictor_std²) with zero bias (e.g. 0.001, as detectron2's mask predictor).
    /// </summary>
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double? PredictorStd { get; init; }

    public override IEnumerable<OptionsViolation> Validate()
    {
        if ((CommonStride & (CommonStride - 1)) != 0)
            yield return new OptionsViolation("common_stride", $"common_stride must be a power of two (1, 2, 4, 8, …), got {CommonStride}");
        if (Norm == "GN" && ConvDims % 32 != 0)
            yield return new OptionsViolation("conv_dims", $"conv_dims {ConvDims} cannot be split into GN's 32 groups; use a multiple of 32 (128 in Panoptic FPN) or another norm");
        if (IgnoreValue < NumClasses)
            yield return new OptionsViolation("ignore_value", $"ignore_value {IgnoreValue} is a class label (num_classes {NumClasses}); use a value ≥ num_classes, e.g. 255");
        var duplicates = InFeatures.GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            yield return new OptionsViolation("in_features", $"in_features lists {string.Join(", ", duplicates)} more than once");
    }
}
