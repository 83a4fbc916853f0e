namespace Panoptic.Cli.Commands.Demo;

/// <summary>What <c>panoptic demo</c> runs: the dataset it generates and how long it trains.</summary>
internal sealed record DemoOptions
{
    /// <summary>The demo's folder: data/, train/, report.md and its figures.</summary>
    public required string OutputDir { get; init; }

    /// <summary>Training iterations; null keeps the demo config's.</summary>
    public int? Iterations { get; init; }

    public int TrainImages { get; init; } = 200;

    public int ValImages { get; init; } = 50;

    /// <summary>Square image side in pixels.</summary>
    public int ImageSize { get; init; } = 256;

    /// <summary>Dataset and training seed.</summary>
    public ulong Seed { get; init; }

    /// <summary>Validation images shown in the overlay grid.</summary>
    public int OverlayImages { get; init; } = 6;

    /// <summary>The demo's training config.</summary>
    public const string Config = "Configs/demo/panoptic_fpn_r18_demo.yaml";

    /// <exception cref="UserInputException">A value out of range.</exception>
    public void Validate()
    {
        if (Iterations is < 10)
            throw new UserInputException($"--iterations must be at least 10, got {Iterations}");
        if (TrainImages < 8 || ValImages < 2)
            throw new UserInputException($"--train-images must be ≥ 8 and --val-images ≥ 2, got {TrainImages} and {ValImages}");
        if (ImageSize is < 64 or > 1024)
            throw new UserInputException($"--size must be 64..1024, got {ImageSize}");
        if (OverlayImages is < 1 or > 24)
            throw new UserInputException($"--overlays must be 1..24, got {OverlayImages}");
    }
}
