namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>
/// In-process PQ evaluation with the Reset / Process / Evaluate protocol: each pair of ground-truth and predicted id
/// maps is matched at once (only the per-image counts are kept), and <see cref="Evaluate"/> sums them in the order
/// they were processed. Nothing is written to disk (see <see cref="Json.PanopticJsonWriter"/> to save predictions).
/// Calls on one instance must not overlap.
/// </summary>
public sealed class PanopticEvaluator
{
    private readonly PqAccumulator _accumulator = new();
    private readonly Dictionary<int, PanopticCategory> _categories;

    /// <summary>Creates an evaluator; things and stuff are told apart by <see cref="PanopticCategory.IsThing"/>.</summary>
    public PanopticEvaluator(IReadOnlyList<PanopticCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        Categories = categories;
        _categories = new Dictionary<int, PanopticCategory>(categories.Count);
        foreach (var category in categories)
            _categories.TryAdd(category.Id, category);
    }

    public IReadOnlyList<PanopticCategory> Categories { get; }

    /// <summary>Images processed since the last <see cref="Reset"/>.</summary>
    public int ImageCount => _accumulator.Images;

    /// <summary>Forgets all processed images.</summary>
    public void Reset() => _accumulator.Clear();

    /// <summary>Matches one image's prediction against its ground truth.</summary>
    /// <exception cref="PanopticDataException">Inconsistent maps and segment lists.</exception>
    public void Process(PanopticImage groundTruth, PanopticImage prediction) =>
        Add(PanopticMatcher.Match(groundTruth, prediction, _categories));

    /// <summary>Adds statistics computed elsewhere (for example by <see cref="PanopticMatcher"/> on another thread).</summary>
    public void Add(PanopticImageStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        _accumulator.Add(stats);
    }

    /// <summary>PQ / SQ / RQ for all categories, things and stuff, and per category.</summary>
    public PanopticMetrics Evaluate() => _accumulator.Result(Categories);

    internal IReadOnlyDictionary<int, PanopticCategory> CategoryLookup => _categories;
}
