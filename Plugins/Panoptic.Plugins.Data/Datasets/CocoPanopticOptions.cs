using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.Data.Datasets;

/// <summary>Options of the <c>CocoPanoptic</c> dataset source (detectron2 <c>register_coco_panoptic</c>).</summary>
public sealed record CocoPanopticOptions : ComponentOptions
{
    /// <summary>Name of the split, for logs and metadata (<c>coco_2017_train_panoptic</c>).</summary>
    public required string DatasetName { get; init; }

    /// <summary>Folder the images' <c>file_name</c>s are relative to.</summary>
    [ConfigPath]
    public required string ImageRoot { get; init; }

    /// <summary>The COCO panoptic JSON (<c>images</c>, <c>annotations</c> with <c>segments_info</c>, <c>categories</c> with <c>isthing</c>).</summary>
    [ConfigPath]
    public required string AnnotationFile { get; init; }

    /// <summary>Folder of the panoptic PNGs; null means the annotation file's path without <c>.json</c> (panopticapi's convention).</summary>
    [ConfigPath]
    public string? PanopticRoot { get; init; }

    /// <summary>A panopticapi categories list (<c>panoptic_coco_categories.json</c>) to use instead of the JSON's <c>categories</c>.</summary>
    [ConfigPath]
    public string? CategoriesFile { get; init; }
}
