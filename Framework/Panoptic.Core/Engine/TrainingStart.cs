namespace Panoptic.Core.Engine;

/// <summary>How a run begins: from scratch, resumed from a training checkpoint, or from weights only.</summary>
public abstract record TrainingStart
{
    private TrainingStart()
    {
    }

    /// <summary>Iteration 0 with the model as built.</summary>
    public sealed record Fresh : TrainingStart;

    /// <summary>Continue exactly where <paramref name="Checkpoint"/> stopped (model, optimizer, iteration, RNG, data position).</summary>
    public sealed record Resume(string Checkpoint) : TrainingStart;

    /// <summary>Iteration 0 with the model's weights taken from <paramref name="Weights"/> (<c>--init-from</c>).</summary>
    public sealed record InitFrom(string Weights) : TrainingStart;

    public static TrainingStart FromScratch { get; } = new Fresh();
}
