using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.Data.Transforms;

/// <summary>Options of <c>RandomFlip</c> (detectron2 <c>INPUT.RANDOM_FLIP</c>).</summary>
public sealed record RandomFlipOptions : ComponentOptions
{
    [Range(0.0, 1.0)]
    public double Probability { get; init; } = 0.5;

    public bool Horizontal { get; init; } = true;

    public bool Vertical { get; init; }

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (Horizontal == Vertical)
            yield return new OptionsViolation("vertical", "exactly one of horizontal and vertical must be true");
    }
}
