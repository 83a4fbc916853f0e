namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>
/// What one image contributes: matched pairs (category, IoU) in panopticapi's order (ground-truth id, then
/// prediction id), and the categories of its false negatives and false positives.
/// </summary>
public sealed class PanopticImageStats
{
    internal List<(int Category, double Iou)> TruePositives { get; } = [];

    internal List<int> FalseNegatives { get; } = [];

    internal List<int> FalsePositives { get; } = [];

    /// <summary>Matched pairs (IoU &gt; 0.5), by category.</summary>
    public IReadOnlyList<(int Category, double Iou)> Matches => TruePositives;

    /// <summary>Categories of unmatched, non-crowd ground-truth segments.</summary>
    public IReadOnlyList<int> MissedCategories => FalseNegatives;

    /// <summary>Categories of unmatched predictions not lying mostly on VOID or same-category crowd.</summary>
    public IReadOnlyList<int> FalsePositiveCategories => FalsePositives;
}
