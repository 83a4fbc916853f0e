namespace Panoptic.Evaluation.Coco;

/// <summary>The outcome of a COCO evaluation: the 12 standard numbers, per-category AP and the accumulated arrays.</summary>
/// <param name="IouType">Box or mask IoU.</param>
/// <param name="Stats">The 12 standard numbers.</param>
/// <param name="PerCategory">AP of each evaluated category, by ascending id.</param>
/// <param name="Curves">Precision / recall / score arrays, for plots.</param>
/// <param name="ImageCount">Images evaluated.</param>
/// <param name="DetectionCount">Detections that were given to the evaluator.</param>
public sealed record CocoMetrics(
    CocoIouType IouType,
    CocoSummaryStats Stats,
    IReadOnlyList<CocoCategoryAp> PerCategory,
    CocoPrecisionRecall Curves,
    int ImageCount,
    int DetectionCount)
{
    /// <summary>pycocotools' 12-line summary table (<c>COCOeval.summarize()</c>'s output).</summary>
    public IReadOnlyList<string> SummaryLines() => CocoSummarizer.FormatLines(Stats, Curves);
}
