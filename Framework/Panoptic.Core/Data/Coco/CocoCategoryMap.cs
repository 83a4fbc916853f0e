using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Coco;

/// <summary>
/// Dataset category ids ↔ contiguous class indices, detectron2's way: things sorted by id map to 0..T-1
/// (<c>thing_dataset_id_to_contiguous_id</c>); stuff sorted by id maps to 1..S, index 0 being the "things" class of
/// Panoptic FPN's semantic target (<c>_get_coco_panoptic_separated_meta</c>).
/// </summary>
public sealed class CocoCategoryMap
{
    /// <summary>The semantic class every thing pixel gets (detectron2's separated panoptic convention).</summary>
    public const int ThingsSemanticClass = 0;

    private readonly Dictionary<int, int> _thingIndex = [];
    private readonly Dictionary<int, int> _stuffIndex = [];
    private readonly Dictionary<int, CocoCategoryInfo> _byId = [];

    /// <param name="categories">The categories in file order; duplicates keep the first.</param>
    public CocoCategoryMap(IEnumerable<CocoCategoryInfo> categories)
    {
        foreach (var category in categories)
            _byId.TryAdd(category.Id, category);
        Things = _byId.Values.Where(c => c.IsThing).OrderBy(c => c.Id).ToList();
        Stuff = _byId.Values.Where(c => !c.IsThing).OrderBy(c => c.Id).ToList();
        for (var i = 0; i < Things.Count; i++)
            _thingIndex[Things[i].Id] = i;
        for (var i = 0; i < Stuff.Count; i++)
            _stuffIndex[Stuff[i].Id] = i + 1;
    }

    /// <summary>Thing categories by contiguous index.</summary>
    public IReadOnlyList<CocoCategoryInfo> Things { get; }

    /// <summary>Stuff categories; stuff category k has semantic class k + 1.</summary>
    public IReadOnlyList<CocoCategoryInfo> Stuff { get; }

    /// <summary>The category with this dataset id, or null.</summary>
    public CocoCategoryInfo? Find(int datasetId) => _byId.GetValueOrDefault(datasetId);

    /// <summary>Contiguous thing index (0..T-1) of a thing category.</summary>
    public bool TryThing(int datasetId, out int index) => _thingIndex.TryGetValue(datasetId, out index);

    /// <summary>Semantic class (1..S) of a stuff category.</summary>
    public bool TryStuff(int datasetId, out int semanticClass) => _stuffIndex.TryGetValue(datasetId, out semanticClass);

    /// <summary>The contiguous index a record uses for this category: thing index or stuff semantic class.</summary>
    public bool TryContiguous(int datasetId, out int index, out bool isThing)
    {
        isThing = _thingIndex.TryGetValue(datasetId, out index);
        return isThing || _stuffIndex.TryGetValue(datasetId, out index);
    }

    /// <summary>
    /// The dataset's metadata: thing classes, and — when there is stuff — semantic classes <c>things</c> + stuff
    /// (detectron2's <c>stuff_classes</c> for Panoptic FPN).
    /// </summary>
    public DatasetMetadata ToMetadata(string name, string annotationFile, string? panopticRoot = null) =>
        new(name, Things.Select(c => c.Name).ToList(), Stuff.Count == 0 ? [] : Stuff.Select(c => c.Name).Prepend("things").ToList())
        {
            ThingDatasetIds = Things.Select((c, i) => (c, i)).ToDictionary(p => p.i, p => p.c.Id),
            StuffDatasetIds = Stuff.Count == 0
                ? new Dictionary<int, int>()
                : Stuff.Select((c, i) => (c, i)).ToDictionary(p => p.i + 1, p => p.c.Id),
            AnnotationFile = annotationFile,
            PanopticRoot = panopticRoot,
        };
}
