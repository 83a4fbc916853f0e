using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Config.Sections;

/// <summary><c>dataset:</c> sources, transforms and loading (detectron2 <c>DATASETS</c>, <c>INPUT</c>, <c>DATALOADER</c>).</summary>
[ConfigSection("dataset")]
public sealed record DatasetSection : ConfigOptions
{
    /// <summary>Sources concatenated for training.</summary>
    public IReadOnlyList<ComponentSpec<IDatasetSource>> Train { get; init; } = [];

    /// <summary>Sources evaluated, each on its own.</summary>
    public IReadOnlyList<ComponentSpec<IDatasetSource>> Test { get; init; } = [];

    /// <summary>Augmentations applied in order at training time.</summary>
    public IReadOnlyList<ComponentSpec<ITransform>> TrainTransforms { get; init; } = [];

    /// <summary>Transforms applied in order at test time.</summary>
    public IReadOnlyList<ComponentSpec<ITransform>> TestTransforms { get; init; } = [];

    /// <summary>Channel order images are decoded to; must match the model's pixel mean/std.</summary>
    public ImageFormat ImageFormat { get; init; } = ImageFormat.BGR;

    /// <summary>How instance masks travel through the pipeline.</summary>
    public MaskFormat MaskFormat { get; init; } = MaskFormat.Polygon;

    public LoaderOptions Loader { get; init; } = new();
}

/// <summary><c>dataset.loader</c> (detectron2 <c>DATALOADER</c>).</summary>
public sealed record LoaderOptions : ConfigOptions
{
    /// <summary>Threads decoding and transforming images.</summary>
    [Range(0, 256)]
    public int NumWorkers { get; init; } = 4;

    /// <summary>Batch images of similar aspect ratio together.</summary>
    public bool AspectRatioGrouping { get; init; } = true;

    /// <summary>Drop training images without annotations.</summary>
    public bool FilterEmptyAnnotations { get; init; } = true;

    /// <summary>Repeat-factor sampling threshold (LVIS); 0 disables it.</summary>
    [Range(0.0, 1.0)]
    public double RepeatThreshold { get; init; }
}
