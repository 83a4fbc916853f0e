using Panoptic.Evaluation.Json;

namespace Panoptic.Evaluation.Coco;

/// <summary>
/// COCO bbox / segm evaluation with pycocotools' semantics, fed in process with the Reset / Process / Evaluate
/// protocol (like detectron2's <c>DatasetEvaluator</c>): a trainer hands over each image's detections and gets the
/// metrics, without writing files. Results are written only when <see cref="WriteResults"/> is asked.
/// </summary>
/// <remarks>
/// Results follow pycocotools' <c>loadRes</c>: the first detection decides whether areas come from boxes or masks
/// (see <see cref="CocoEvaluationOptions.KeepBoxOnSegmResults"/> for segm, where boxes are dropped by default).
/// Polygons and uncompressed RLEs are accepted as result masks too (pycocotools reads only compressed RLE there).
/// <see cref="Evaluate()"/> works on images in parallel, then categories in parallel; the outcome does not depend on
/// the number of threads. Calls on one instance must not overlap.
/// </remarks>
public sealed class CocoEvaluator
{
    private readonly CocoEvalPlan _plan;
    private readonly CocoGroundTruthIndex _groundTruth;
    private readonly List<IndexedDetection>?[] _detections;
    private readonly List<CocoDetection> _all = [];
    private CocoDetection? _first;
    private int _count;

    /// <summary>Creates an evaluator over a ground truth.</summary>
    /// <exception cref="ArgumentException">Invalid options (empty threshold lists, non-positive limits).</exception>
    public CocoEvaluator(CocoDataset groundTruth, CocoEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        GroundTruth = groundTruth;
        _plan = CocoEvalPlan.Create(groundTruth, options ?? new CocoEvaluationOptions());
        _groundTruth = new CocoGroundTruthIndex(groundTruth, _plan);
        _detections = new List<IndexedDetection>?[_plan.ImageIds.Length];
    }

    public CocoDataset GroundTruth { get; }

    public CocoEvaluationOptions Options => _plan.Options;

    /// <summary>Detections received since the last <see cref="Reset"/>.</summary>
    public int DetectionCount => _count;

    /// <summary>Forgets all detections.</summary>
    public void Reset()
    {
        Array.Clear(_detections);
        _first = null;
        _count = 0;
        _all.Clear();
    }

    /// <summary>Adds the detections of one image (in the order given: it breaks score ties).</summary>
    /// <exception cref="CocoDataException">A detection of another image, an image not in the ground truth, or a non-finite score.</exception>
    public void Process(long imageId, IReadOnlyList<CocoDetection> detections)
    {
        ArgumentNullException.ThrowIfNull(detections);
        foreach (var detection in detections)
        {
            if (detection.ImageId != imageId)
                throw new CocoDataException($"detection for image {detection.ImageId} passed with the detections of image {imageId}");
        }
        AddResults(detections);
    }

    /// <summary>Adds results of any images, in results-file order.</summary>
    /// <exception cref="CocoDataException">An image not in the ground truth, or a non-finite score.</exception>
    public void AddResults(IEnumerable<CocoDetection> detections)
    {
        ArgumentNullException.ThrowIfNull(detections);
        foreach (var detection in detections)
        {
            if (GroundTruth.FindImage(detection.ImageId) is null)
                throw new CocoDataException($"result [{_count}]: image id {detection.ImageId} is not in the ground truth ({GroundTruth.Source}); results do not correspond to this COCO set");
            if (!double.IsFinite(detection.Score))
                throw new CocoDataException($"result [{_count}] (image {detection.ImageId}): score {detection.Score} is not a finite number");
            _first ??= detection;
            _all.Add(detection);
            if (_plan.ImageIndex.TryGetValue(detection.ImageId, out var image))
                (_detections[image] ??= []).Add(new IndexedDetection(detection, _count));
            _count++;
        }
    }

    /// <summary>The detections received so far, in order.</summary>
    public IReadOnlyList<CocoDetection> Detections => _all;

    /// <summary>Writes the received detections as an official results JSON file (atomically).</summary>
    public void WriteResults(string path) => CocoJsonWriter.WriteResults(path, _all);

    /// <summary>Runs the evaluation (pycocotools' evaluate + accumulate + summarize).</summary>
    /// <exception cref="CocoDataException">Results or ground truth lacking what the IoU type needs, or invalid masks.</exception>
    public CocoMetrics Evaluate()
    {
        var format = CocoResultPreparation.Choose(_first, _plan.Options);
        var imageCount = _plan.ImageIds.Length;
        var perImage = new CocoImageCategoryResult[imageCount][];
        Parallel.For(0, imageCount, _plan.Options.ParallelOptions, i =>
        {
            var image = GroundTruth.FindImage(_plan.ImageIds[i]);
            perImage[i] = image is null
                ? []
                : CocoImageEvaluation.Evaluate(image, _groundTruth.ByImage[i], _detections[i], _groundTruth, _plan, format);
        });

        var perCategory = new CocoImageCategoryResult?[_plan.CategoryIds.Length][];
        for (var k = 0; k < perCategory.Length; k++)
            perCategory[k] = new CocoImageCategoryResult?[imageCount];
        for (var i = 0; i < imageCount; i++)
        {
            foreach (var result in perImage[i])
                perCategory[result.Category][i] = result;
        }

        var curves = CocoAccumulator.Accumulate(_plan, perCategory);
        var names = GroundTruth.Categories.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var perCategoryAp = new CocoCategoryAp[_plan.CategoryIds.Length];
        for (var k = 0; k < perCategoryAp.Length; k++)
        {
            var id = _plan.CategoryIds[k];
            perCategoryAp[k] = new CocoCategoryAp(id, names.GetValueOrDefault(id, ""), CocoSummarizer.CategoryAp(curves, k));
        }
        return new CocoMetrics(_plan.IouType, CocoSummarizer.Summarize(curves), perCategoryAp, curves, imageCount, _count);
    }

    /// <summary>Evaluates a complete results list against a ground truth in one call.</summary>
    public static CocoMetrics Evaluate(CocoDataset groundTruth, IEnumerable<CocoDetection> results, CocoEvaluationOptions? options = null)
    {
        var evaluator = new CocoEvaluator(groundTruth, options);
        evaluator.AddResults(results);
        return evaluator.Evaluate();
    }
}
