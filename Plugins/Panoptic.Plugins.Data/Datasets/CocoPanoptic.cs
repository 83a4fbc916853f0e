using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Data;
using Panoptic.Core.Data.Coco;

namespace Panoptic.Plugins.Data.Datasets;

/// <summary>
/// COCO panoptic JSON + PNG folder + image folder (detectron2 <c>load_coco_panoptic_json</c>). Records carry the
/// segments (things with contiguous thing indices, stuff with semantic classes 1..S) and their PNG; the loader
/// derives Panoptic FPN's targets from the PNG on the fly (instances for things, a semantic map with things = 0 and
/// unlabeled = 255). The file is read once, on first use.
/// </summary>
/// <param name="datasetName">Name for metadata and logs.</param>
/// <param name="imageRoot">Folder the images' file names are relative to.</param>
/// <param name="annotationFile">The COCO panoptic JSON.</param>
/// <param name="panopticRoot">PNG folder; null for the JSON path without <c>.json</c>.</param>
/// <param name="categoriesFile">Categories list replacing the JSON's, or null.</param>
[Component("CocoPanoptic", Description = "COCO panoptic JSON + PNGs + images; instance and semantic targets derived on the fly.")]
public sealed class CocoPanoptic(string datasetName, string imageRoot, string annotationFile, string? panopticRoot = null, string? categoriesFile = null)
    : ReaderDatasetSource(() => CocoPanopticReader.Read(annotationFile, panopticRoot, imageRoot, datasetName, categoriesFile))
{
    public CocoPanoptic(CocoPanopticOptions options, DatasetSourceContext context)
        : this(options.DatasetName, options.ImageRoot, options.AnnotationFile, options.PanopticRoot, options.CategoriesFile)
    {
    }
}
