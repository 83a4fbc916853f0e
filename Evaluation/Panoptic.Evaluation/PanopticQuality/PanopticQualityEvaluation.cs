using System.Buffers;

namespace Panoptic.Evaluation.PanopticQuality;

/// <summary>
/// panopticapi's <c>pq_compute</c> on files: ground truth and predictions as COCO panoptic JSON + PNG folders.
/// Images are processed in parallel; the per-image counts are summed in ground-truth order, so the result does not
/// depend on the number of threads (it equals panopticapi's on one core).
/// </summary>
public static class PanopticQualityEvaluation
{
    /// <summary>Evaluates predictions against ground truth.</summary>
    /// <param name="groundTruthJson">Ground-truth JSON (its categories decide things and stuff).</param>
    /// <param name="groundTruthFolder">Its PNG folder; null for the JSON path without ".json", as panopticapi.</param>
    /// <param name="predictionJson">Predictions JSON.</param>
    /// <param name="predictionFolder">Its PNG folder; null for the JSON path without ".json".</param>
    /// <param name="maxParallelism">Threads to use; null for all cores.</param>
    /// <exception cref="PanopticDataException">Missing folder, image or PNG; inconsistent segments.</exception>
    public static PanopticMetrics Evaluate(string groundTruthJson, string? groundTruthFolder, string predictionJson, string? predictionFolder, int? maxParallelism = null)
    {
        var groundTruth = PanopticDataset.Load(groundTruthJson);
        var predictions = PanopticDataset.Load(predictionJson);
        return Evaluate(groundTruth, groundTruthFolder ?? DefaultFolder(groundTruthJson), predictions, predictionFolder ?? DefaultFolder(predictionJson), maxParallelism);
    }

    /// <summary>Evaluates loaded JSON files against their PNG folders.</summary>
    public static PanopticMetrics Evaluate(PanopticDataset groundTruth, string groundTruthFolder, PanopticDataset predictions, string predictionFolder, int? maxParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(predictions);
        if (!Directory.Exists(groundTruthFolder))
            throw new PanopticDataException($"Folder {groundTruthFolder} with ground truth segmentations doesn't exist");
        if (!Directory.Exists(predictionFolder))
            throw new PanopticDataException($"Folder {predictionFolder} with predicted segmentations doesn't exist");
        var byImage = new Dictionary<string, PanopticAnnotation>();
        foreach (var annotation in predictions.Annotations)
            byImage[annotation.ImageId] = annotation;
        var pairs = new (PanopticAnnotation Gt, PanopticAnnotation Pred)[groundTruth.Annotations.Count];
        for (var i = 0; i < pairs.Length; i++)
        {
            var gt = groundTruth.Annotations[i];
            if (!byImage.TryGetValue(gt.ImageId, out var pred))
                throw new PanopticDataException($"no prediction for the image with id: {gt.ImageId} (in {predictions.Source})");
            pairs[i] = (gt, pred);
        }

        var evaluator = new PanopticEvaluator(groundTruth.Categories);
        var stats = new PanopticImageStats[pairs.Length];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, pairs.Length, options, i =>
            stats[i] = MatchFiles(pairs[i].Gt, groundTruthFolder, pairs[i].Pred, predictionFolder, evaluator.CategoryLookup));
        foreach (var s in stats)
            evaluator.Add(s);
        return evaluator.Evaluate();
    }

    private static PanopticImageStats MatchFiles(
        PanopticAnnotation gt, string gtFolder, PanopticAnnotation pred, string predFolder, IReadOnlyDictionary<int, PanopticCategory> categories)
    {
        var gtPath = Path.Combine(gtFolder, gt.FileName);
        var predPath = Path.Combine(predFolder, pred.FileName);
        var pool = ArrayPool<int>.Shared;
        var (gtWidth, gtHeight) = PanopticIds.ReadPng(gtPath, gt.ImageId, pool.Rent, out var gtIds);
        try
        {
            var (predWidth, predHeight) = PanopticIds.ReadPng(predPath, gt.ImageId, pool.Rent, out var predIds);
            try
            {
                return PanopticMatcher.Match(gt.ImageId, gtIds, gtWidth, gtHeight, gt.Segments, gtPath,
                    predIds, predWidth, predHeight, pred.Segments, predPath, categories);
            }
            finally
            {
                pool.Return(predIds);
            }
        }
        finally
        {
            pool.Return(gtIds);
        }
    }

    private static string DefaultFolder(string jsonPath) =>
        jsonPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? jsonPath[..^5] : jsonPath;
}
