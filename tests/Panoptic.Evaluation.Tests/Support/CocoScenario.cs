using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Tests.Support;

/// <summary>Builds small COCO ground truths and results by hand for the evaluator tests.</summary>
internal sealed class CocoScenario
{
    private readonly List<CocoImage> _images = [];
    private readonly List<CocoCategory> _categories = [];
    private readonly List<CocoAnnotation> _annotations = [];

    public List<CocoDetection> Detections { get; } = [];

    public CocoScenario Image(long id, int width = 100, int height = 100)
    {
        _images.Add(new CocoImage(id, width, height));
        return this;
    }

    public CocoScenario Category(int id)
    {
        _categories.Add(new CocoCategory(id, $"c{id}"));
        return this;
    }

    /// <summary>A box ground truth; area defaults to the box area.</summary>
    public CocoScenario Gt(long image, int category, double x, double y, double w, double h, double? area = null, bool crowd = false, long? id = null)
    {
        var box = new BoxXywh(x, y, w, h);
        var polygon = new PolygonSegmentation([[x, y, x, y + h, x + w, y + h, x + w, y]]);
        _annotations.Add(new CocoAnnotation(id ?? _annotations.Count + 1, image, category, area ?? w * h, box, polygon, crowd));
        return this;
    }

    /// <summary>A box detection.</summary>
    public CocoScenario Dt(long image, int category, double score, double x, double y, double w, double h)
    {
        Detections.Add(new CocoDetection(image, category, score, new BoxXywh(x, y, w, h)));
        return this;
    }

    public CocoDataset Dataset() => new(_images, _categories, _annotations, "scenario");

    public CocoMetrics Evaluate(CocoIouType type = CocoIouType.Bbox) =>
        CocoEvaluator.Evaluate(Dataset(), Detections, new CocoEvaluationOptions { IouType = type });
}
