using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.Data.Transforms;

/// <summary>How the short-edge length is drawn (detectron2 <c>MIN_SIZE_TRAIN_SAMPLING</c>).</summary>
public enum SampleStyle
{
    /// <summary>One of the listed lengths.</summary>
    Choice,

    /// <summary>Uniform integer in [first, second].</summary>
    Range,
}

/// <summary>Resampling of image pixels (label maps and masks always use nearest neighbour).</summary>
public enum ResizeInterpolation
{
    /// <summary>OpenCV <c>INTER_LINEAR</c> (detectron2 uses PIL's bilinear, which also antialiases when shrinking).</summary>
    Bilinear,

    /// <summary>OpenCV <c>INTER_AREA</c>: pixel-area averaging, an antialiased shrink.</summary>
    Area,

    /// <summary>Nearest neighbour.</summary>
    Nearest,
}

/// <summary>Options of <c>ResizeShortestEdge</c> (detectron2 <c>INPUT.MIN_SIZE_*</c>, <c>INPUT.MAX_SIZE_*</c>).</summary>
public sealed record ResizeShortestEdgeOptions : ComponentOptions
{
    /// <summary>Candidate short-edge lengths (pixels); with <c>sample_style: range</c>, [min, max].</summary>
    [MinLength(1)]
    [Range(1, 100000)]
    public IReadOnlyList<int> ShortEdgeLength { get; init; } = [800];

    /// <summary>Long-edge cap (pixels).</summary>
    [Range(1, 100000)]
    public int MaxSize { get; init; } = 1333;

    public SampleStyle SampleStyle { get; init; } = SampleStyle.Choice;

    /// <summary>Resampling of the image.</summary>
    public ResizeInterpolation Interpolation { get; init; } = ResizeInterpolation.Bilinear;

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (SampleStyle == SampleStyle.Range && ShortEdgeLength.Count != 2)
            yield return new OptionsViolation("short_edge_length", $"sample_style range takes [min, max], got {ShortEdgeLength.Count} values");
        if (SampleStyle == SampleStyle.Range && ShortEdgeLength.Count == 2 && ShortEdgeLength[0] > ShortEdgeLength[1])
            yield return new OptionsViolation("short_edge_length", $"range [{ShortEdgeLength[0]}, {ShortEdgeLength[1]}] is empty: min must not exceed max");
    }
}
