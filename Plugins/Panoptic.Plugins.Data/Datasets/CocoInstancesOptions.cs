using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.Data.Datasets;

/// <summary>Options of the <c>CocoInstances</c> dataset source (detectron2 <c>register_coco_instances</c>).</summary>
public sealed record CocoInstancesOptions : ComponentOptions
{
    /// <summary>Name of the split, for logs and metadata (<c>coco_2017_train</c>).</summary>
    public required string DatasetName { get; init; }

    /// <summary>Folder the JSON's <c>file_name</c>s are relative to.</summary>
    [ConfigPath]
    public required string ImageRoot { get; init; }

    /// <summary>The COCO instances JSON (polygons, uncompressed or compressed RLE, <c>iscrowd</c>).</summary>
    [ConfigPath]
    public required string AnnotationFile { get; init; }
}
