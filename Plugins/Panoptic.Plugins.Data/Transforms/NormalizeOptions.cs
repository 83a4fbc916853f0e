using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Data;

namespace Panoptic.Plugins.Data.Transforms;

/// <summary>
/// Options of <c>Normalize</c>. detectron2 weights: <c>dataset.image_format: BGR</c>, mean [103.530, 116.280, 123.675],
/// std [1, 1, 1] (or [57.375, 57.120, 58.395] for torchvision-converted backbones). torchvision weights:
/// <c>channel_order: RGB</c>, <c>unit_range: true</c>, mean [0.485, 0.456, 0.406], std [0.229, 0.224, 0.225].
/// </summary>
public sealed record NormalizeOptions : ComponentOptions
{
    /// <summary>Per-channel mean, in <see cref="ChannelOrder"/>.</summary>
    [Length(1, 4)]
    public IReadOnlyList<double> Mean { get; init; } = [103.530, 116.280, 123.675];

    /// <summary>Per-channel divisor, in <see cref="ChannelOrder"/>.</summary>
    [Length(1, 4)]
    [Range(0.0, double.MaxValue, MinimumIsExclusive = true)]
    public IReadOnlyList<double> Std { get; init; } = [1.0, 1.0, 1.0];

    /// <summary>Channel order the model expects (and mean/std are listed in); null keeps <c>dataset.image_format</c>. A different order reverses the channels.</summary>
    public ImageFormat? ChannelOrder { get; init; }

    /// <summary>Divide pixels by 255 before subtracting the mean (torchvision's [0, 1] inputs).</summary>
    public bool UnitRange { get; init; }

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (Mean.Count != Std.Count)
            yield return new OptionsViolation("std", $"std has {Std.Count} channels, mean {Mean.Count}");
    }
}
