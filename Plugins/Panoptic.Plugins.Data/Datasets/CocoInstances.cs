using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Data;
using Panoptic.Core.Data.Coco;

namespace Panoptic.Plugins.Data.Datasets;

/// <summary>
/// COCO instances JSON + image folder (detectron2 <c>load_coco_json</c>): categories mapped to contiguous indices by
/// sorted id, annotations with polygons or RLE and <c>iscrowd</c>. The file is read once, on first use.
/// </summary>
/// <param name="datasetName">Name for metadata and logs.</param>
/// <param name="imageRoot">Folder the JSON's file names are relative to.</param>
/// <param name="annotationFile">The COCO instances JSON.</param>
[Component("CocoInstances", Description = "COCO instances JSON + image folder (polygons, RLE, iscrowd).")]
public sealed class CocoInstances(string datasetName, string imageRoot, string annotationFile)
    : ReaderDatasetSource(() => CocoInstancesReader.Read(annotationFile, imageRoot, datasetName))
{
    public CocoInstances(CocoInstancesOptions options, DatasetSourceContext context)
        : this(options.DatasetName, options.ImageRoot, options.AnnotationFile)
    {
    }
}
