namespace Panoptic.Abstractions.Data;

/// <summary>What is known of a dataset's classes (detectron2 <c>MetadataCatalog</c> entry).</summary>
/// <param name="Name">Dataset name (<c>coco_2017_train</c>).</param>
/// <param name="ThingClasses">Instance classes, by contiguous index.</param>
/// <param name="StuffClasses">Semantic classes, by contiguous index (empty without semantic labels).</param>
public sealed record DatasetMetadata(string Name, IReadOnlyList<string> ThingClasses, IReadOnlyList<string> StuffClasses)
{
    /// <summary>Contiguous thing index → the dataset's own category id (COCO ids have gaps).</summary>
    public IReadOnlyDictionary<int, int> ThingDatasetIds { get; init; } = new Dictionary<int, int>();

    /// <summary>Contiguous stuff index → the dataset's own category id.</summary>
    public IReadOnlyDictionary<int, int> StuffDatasetIds { get; init; } = new Dictionary<int, int>();

    /// <summary>Label that pixels without a class carry in semantic targets.</summary>
    public int IgnoreLabel { get; init; } = 255;

    /// <summary>Annotation file evaluators compare against, or null.</summary>
    public string? AnnotationFile { get; init; }
}
