using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Data;

namespace Panoptic.Plugins.Data.Transforms;

/// <summary>Flips with a probability, horizontally or vertically (detectron2 <c>RandomFlip</c>): one draw per image.</summary>
[Component("RandomFlip", Description = "Flip with a probability, horizontally or vertically.")]
public sealed class RandomFlip : ITransform
{
    private readonly double _probability;
    private readonly bool _horizontal;

    /// <param name="probability">Chance of flipping.</param>
    /// <param name="horizontal">Mirror left–right (true) or top–bottom (false).</param>
    public RandomFlip(double probability = 0.5, bool horizontal = true)
    {
        if (probability is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "probability must be in [0, 1]");
        _probability = probability;
        _horizontal = horizontal;
    }

    public RandomFlip(RandomFlipOptions options, TransformContext context) : this(options.Probability, options.Horizontal)
    {
    }

    public ITransformStep Sample(int height, int width, Random random) =>
        random.NextDouble() < _probability ? new FlipStep(height, width, _horizontal) : new IdentityStep(height, width);
}
