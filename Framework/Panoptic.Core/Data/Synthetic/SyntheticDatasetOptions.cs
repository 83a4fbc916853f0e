namespace Panoptic.Core.Data.Synthetic;

/// <summary>How instance masks are written in the synthetic COCO instances files.</summary>
public enum InstanceFormat
{
    /// <summary>Compressed RLE: exactly the segment's pixels.</summary>
    Rle,

    /// <summary>Polygons along pixel edges (<see cref="MaskPolygons"/>): rasterise back to exactly the same pixels; crowds stay RLE, as in COCO.</summary>
    Polygon,
}

/// <summary>What <c>panoptic data synth</c> generates.</summary>
public sealed record SyntheticDatasetOptions
{
    /// <summary>Folder to write into (created; existing files of the same names are replaced).</summary>
    public required string OutputDir { get; init; }

    /// <summary>Images of the <c>train</c> split.</summary>
    public int TrainImages { get; init; } = 200;

    /// <summary>Images of the <c>val</c> split.</summary>
    public int ValImages { get; init; } = 50;

    public int Width { get; init; } = 256;

    public int Height { get; init; } = 256;

    /// <summary>Same seed, same bytes.</summary>
    public ulong Seed { get; init; }

    public InstanceFormat InstanceFormat { get; init; } = InstanceFormat.Rle;

    /// <summary>Write images as JPEG (quality <see cref="JpegQuality"/>) instead of PNG.</summary>
    public bool Jpeg { get; init; }

    public int JpegQuality { get; init; } = 95;

    /// <summary>Images generated at once; null for all cores. The output does not depend on it.</summary>
    public int? MaxParallelism { get; init; }

    /// <summary>The scene renderer's settings for this size.</summary>
    public SceneOptions Scene => new() { Width = Width, Height = Height };

    /// <exception cref="ArgumentOutOfRangeException">Counts or sizes out of range.</exception>
    public void Validate()
    {
        if (TrainImages < 0 || ValImages < 0 || TrainImages + ValImages == 0)
            throw new ArgumentOutOfRangeException(nameof(TrainImages), $"need at least one image (train {TrainImages}, val {ValImages})");
        if (JpegQuality is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(JpegQuality), JpegQuality, "JPEG quality must be 1..100");
        Scene.Validate();
    }
}
