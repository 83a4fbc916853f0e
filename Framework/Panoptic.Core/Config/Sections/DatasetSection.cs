using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Data.Mapping;

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

    /// <summary>How instance masks from polygon annotations travel through the pipeline (RLE and panoptic masks are always bitmaps).</summary>
    public MaskFormat MaskFormat { get; init; } = MaskFormat.Polygon;

    /// <summary>
    /// Semantic label of crowd thing pixels in targets derived from panoptic PNGs: <c>ignore</c> (255, the default:
    /// crowd regions are not trained on, like unlabeled pixels) or <c>thing</c> (0, as detectron2's
    /// <c>prepare_panoptic_fpn.py</c> writes them).
    /// </summary>
    public CrowdSemantics CrowdSemantics { get; init; } = CrowdSemantics.Ignore;

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

    /// <summary>A new order every epoch in training (evaluation always keeps file order).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Padded batch height and width are multiples of this (detectron2 <c>SIZE_DIVISIBILITY</c>: 32 for FPN).</summary>
    [Range(1, 1024)]
    public int SizeDivisibility { get; init; } = 32;

    /// <summary>Batches built ahead of the training step, at most (bounds the loader's memory).</summary>
    [Range(1, 1024)]
    public int PrefetchBatches { get; init; } = 4;

    public override IEnumerable<OptionsViolation> Validate()
    {
        if (RepeatThreshold > 0)
            yield return new OptionsViolation("repeat_threshold", "repeat-factor sampling is not implemented yet; use 0.0");
    }
}
