using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Data;

namespace Panoptic.Plugins.MaskRCNN.Data;

/// <summary>How the short-edge length is drawn (detectron2 <c>MIN_SIZE_TRAIN_SAMPLING</c>).</summary>
public enum SampleStyle
{
    /// <summary>One of the listed lengths.</summary>
    Choice,

    /// <summary>Uniform integer in [first, second].</summary>
    Range,
}

/// <summary>Options of <c>ResizeShortestEdge</c> (detectron2 <c>INPUT.MIN_SIZE_*</c>, <c>INPUT.MAX_SIZE_*</c>).</summary>
[Component("ResizeShortestEdge", Kind = typeof(ITransform), Description = "Scale so the short edge has a drawn length, capping the long edge.")]
public sealed record ResizeShortestEdgeOptions : ComponentOptions
{
    /// <summary>Candidate short-edge lengths (pixels).</summary>
    [MinLength(1)]
    [Range(1, 100000)]
    public IReadOnlyList<int> ShortEdgeLength { get; init; } = [800];

    /// <summary>Long-edge cap (pixels).</summary>
    [Range(1, 100000)]
    public int MaxSize { get; init; } = 1333;

    public SampleStyle SampleStyle { get; init; } = SampleStyle.Choice;

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (SampleStyle == SampleStyle.Range && ShortEdgeLength.Count != 2)
            yield return new OptionsViolation("short_edge_length", $"sample_style range takes [min, max], got {ShortEdgeLength.Count} values");
    }
}
