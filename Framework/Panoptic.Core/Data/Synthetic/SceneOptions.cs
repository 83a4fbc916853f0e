namespace Panoptic.Core.Data.Synthetic;

/// <summary>How scenes are drawn. The defaults give 256×256 scenes learnable on a CPU in minutes.</summary>
public sealed record SceneOptions
{
    public int Width { get; init; } = 256;
    public int Height { get; init; } = 256;

    /// <summary>Things per scene, inclusive range.</summary>
    public int MinThings { get; init; } = 3;
    public int MaxThings { get; init; } = 8;

    /// <summary>Share of things drawn small (radius 4–10 px), to exercise small-object detection.</summary>
    public double SmallFraction { get; init; } = 0.3;

    /// <summary>Probability that a scene holds one crowd region (a cluster of small things annotated as one segment).</summary>
    public double CrowdProbability { get; init; } = 0.25;

    /// <summary>Visible pixels below which a thing is not annotated (its pixels become void).</summary>
    public int MinVisibleArea { get; init; } = 12;

    public void Validate()
    {
        if (Width < 32 || Height < 32) throw new ArgumentOutOfRangeException(nameof(Width), $"scenes must be at least 32×32, got {Width}×{Height}");
        if (MinThings < 0 || MaxThings < MinThings) throw new ArgumentOutOfRangeException(nameof(MaxThings), $"things range [{MinThings}, {MaxThings}] is empty");
    }
}
