using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Data;

namespace Panoptic.Plugins.MaskRCNN.Data;

/// <summary>Options of the <c>CocoInstances</c> dataset source (detectron2 <c>register_coco_instances</c>).</summary>
[Component("CocoInstances", Kind = typeof(IDatasetSource), Description = "COCO instances JSON + image folder.")]
public sealed record CocoInstancesOptions : ComponentOptions
{
    /// <summary>Name of the split, for logs and metadata (<c>coco_2017_train</c>).</summary>
    public required string DatasetName { get; init; }

    /// <summary>Folder the JSON's <c>file_name</c>s are relative to.</summary>
    [ConfigPath]
    public required string ImageRoot { get; init; }

    /// <summary>The COCO instances JSON.</summary>
    [ConfigPath]
    public required string AnnotationFile { get; init; }
}
