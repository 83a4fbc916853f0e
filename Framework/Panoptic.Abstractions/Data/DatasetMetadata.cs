namespace Panoptic.Abstractions.Data;

/// <summary>What is known of a dataset's classes (detectron2 <c>MetadataCatalog</c> entry).</summary>
/// <param name="Name">Dataset name (<c>coco_2017_train</c>).</param>
/// <param name="ThingClasses">Instance classes, by contiguous index.</param>
/// <param name="StuffClasses">
/// Semantic classes, by contiguous index (empty without semantic labels). Panoptic datasets follow detectron2's
/// "separated" convention: index 0 is <c>things</c> (every thing pixel), stuff classes are 1..S.
/// </param>
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

    /// <summary>Folder of the panoptic PNGs of <see cref="AnnotationFile"/> (COCO panoptic), or null.</summary>
    public string? PanopticRoot { get; init; }

    /// <summary>Number of semantic classes a semantic head predicts (<see cref="StuffClasses"/> count).</summary>
    public int SemanticClassCount => StuffClasses.Count;
}
