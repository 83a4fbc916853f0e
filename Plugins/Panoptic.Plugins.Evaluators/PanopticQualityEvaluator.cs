using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Evaluation;
using Panoptic.Abstractions.Modeling;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Torch;

namespace Panoptic.Plugins.Evaluators;

/// <summary>Panoptic quality of <see cref="ModelOutput.Panoptic"/> (detectron2 <c>COCOPanopticEvaluator</c>).</summary>
[Component("PanopticQualityEvaluator", Description = "Panoptic quality (PQ, SQ, RQ; things and stuff) of panoptic predictions.")]
public sealed class PanopticQualityEvaluator : IEvaluator
{
    private readonly DatasetMetadata _metadata;
    private readonly PanopticEvaluator _evaluator;

    public PanopticQualityEvaluator(DatasetMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _metadata = metadata;
        _evaluator = new PanopticEvaluator(metadata.PanopticCategories().Select(c => new PanopticCategory(c.Id, c.Name, c.IsThing)).ToList());
    }

    public PanopticQualityEvaluator(PanopticQualityEvaluatorOptions options, EvaluatorContext context) : this(context.Metadata)
    {
    }

    public void Reset() => _evaluator.Reset();

    public void Process(IReadOnlyList<ModelInput> inputs, IReadOnlyList<ModelOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (inputs.Count != outputs.Count)
            throw new ArgumentException($"{inputs.Count} inputs but {outputs.Count} outputs");
        for (var i = 0; i < inputs.Count; i++)
        {
            var record = inputs[i].Record ?? throw new ArgumentException($"input {i} has no dataset record");
            if (outputs[i].Panoptic is not { } prediction)
                continue;
            var file = record.PanopticSegmentationFile ?? throw new ArgumentException($"image {record.ImageId} has no panoptic PNG");
            var (width, height, ids) = PanopticIds.ReadPng(file);
            var imageId = record.ImageId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var gtSegments = record.Segments
                .Select(s => new PanopticSegment(s.Id, s.IsThing ? ThingId(s.CategoryId) : StuffId(s.CategoryId), s.IsCrowd))
                .ToList();
            var groundTruth = new PanopticImage(imageId, width, height, ids, gtSegments, file);
            var shape = prediction.Segmentation.Shape;
            if (shape.Length != 2 || shape[0] != height || shape[1] != width)
                throw new ArgumentException($"panoptic segmentation is [{string.Join(", ", shape)}] but the ground truth of image {imageId} is {height}x{width}");
            int[] predicted;
            if (prediction.Segmentation.DType == DType.Int32)
            {
                predicted = prediction.Segmentation.ToArray<int>();
            }
            else
            {
                using var converted = prediction.Segmentation.To(DType.Int32);
                predicted = converted.ToArray<int>();
            }
            var predSegments = prediction.Segments.Select(s => new PanopticSegment(s.Id, s.CategoryId)).ToList();
            _evaluator.Process(groundTruth, new PanopticImage(imageId, width, height, predicted, predSegments, "prediction"));
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Evaluate()
    {
        var m = _evaluator.Evaluate();
        return new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["panoptic"] = new Dictionary<string, double>
            {
                ["PQ"] = m.All.Pq,
                ["SQ"] = m.All.Sq,
                ["RQ"] = m.All.Rq,
                ["PQ_th"] = m.Things.Pq,
                ["SQ_th"] = m.Things.Sq,
                ["RQ_th"] = m.Things.Rq,
                ["PQ_st"] = m.Stuff.Pq,
                ["SQ_st"] = m.Stuff.Sq,
                ["RQ_st"] = m.Stuff.Rq,
            },
        };
    }

    private int ThingId(int index) => _metadata.ThingDatasetId(index);

    private int StuffId(int index) => _metadata.StuffDatasetId(index);
}
