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

    /// <summary>The dataset's id of thing <paramref name="index"/> (the index itself when the metadata has no mapping).</summary>
    public int ThingDatasetId(int index) => ThingDatasetIds.TryGetValue(index, out var id) ? id : index;

    /// <summary>The dataset's id of semantic label <paramref name="index"/> (the index itself when unmapped).</summary>
    public int StuffDatasetId(int index) => StuffDatasetIds.TryGetValue(index, out var id) ? id : index;

    /// <summary>
    /// The panoptic categories in dataset ids: every thing class, then every mapped stuff label (1..S; label 0,
    /// <c>things</c>, has no category of its own).
    /// </summary>
    public IReadOnlyList<DatasetCategory> PanopticCategories()
    {
        var categories = new List<DatasetCategory>();
        for (var i = 0; i < ThingClasses.Count; i++)
            categories.Add(new DatasetCategory(ThingDatasetId(i), ThingClasses[i], true));
        foreach (var (index, id) in StuffDatasetIds.OrderBy(p => p.Key))
            categories.Add(new DatasetCategory(id, index < StuffClasses.Count ? StuffClasses[index] : $"stuff{index}", false));
        return categories;
    }
}

/// <summary>A category as the dataset names it.</summary>
/// <param name="Id">The dataset's category id.</param>
/// <param name="Name">Its name.</param>
/// <param name="IsThing">Countable object (instances) or stuff.</param>
public sealed record DatasetCategory(int Id, string Name, bool IsThing);
