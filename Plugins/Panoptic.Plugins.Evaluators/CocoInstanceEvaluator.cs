using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Evaluation;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Masks;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Torch;
using EvalRle = Panoptic.Evaluation.Masks.RleMask;

namespace Panoptic.Plugins.Evaluators;

/// <summary>COCO bbox / segm AP of <see cref="ModelOutput.Instances"/> (detectron2 <c>COCOEvaluator</c>).</summary>
[Component("CocoInstanceEvaluator", Description = "COCO bbox/segm AP (pycocotools semantics) of instance predictions.")]
public sealed class CocoInstanceEvaluator : IEvaluator
{
    private readonly DatasetMetadata _metadata;
    private readonly IReadOnlyList<CocoIouType> _types;
    private readonly string? _groundTruthJson;
    private readonly List<CocoDetection> _detections = [];
    private readonly Dictionary<long, DatasetRecord> _records = [];

    public CocoInstanceEvaluator(DatasetMetadata metadata, IReadOnlyList<string>? iouTypes = null, string? groundTruthJson = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _metadata = metadata;
        var types = new List<CocoIouType>();
        foreach (var name in iouTypes ?? ["bbox", "segm"])
        {
            if (!CocoIouTypes.TryParse(name, out var type))
                throw new ArgumentException($"unknown iou type '{name}' (expected bbox or segm)", nameof(iouTypes));
            if (!types.Contains(type))
                types.Add(type);
        }
        _types = types;
        _groundTruthJson = groundTruthJson;
    }

    public CocoInstanceEvaluator(CocoInstanceEvaluatorOptions options, EvaluatorContext context)
        : this(context.Metadata, options.IouTypes, options.GroundTruthJson)
    {
    }

    public void Reset()
    {
        _detections.Clear();
        _records.Clear();
    }

    public void Process(IReadOnlyList<ModelInput> inputs, IReadOnlyList<ModelOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (inputs.Count != outputs.Count)
            throw new ArgumentException($"{inputs.Count} inputs but {outputs.Count} outputs");
        for (var i = 0; i < inputs.Count; i++)
        {
            var record = inputs[i].Record ?? throw new ArgumentException($"input {i} has no dataset record; the evaluator needs its image id");
            _records[record.ImageId] = record;
            if (outputs[i].Instances is { } instances)
                _detections.AddRange(Convert(record, instances));
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Evaluate()
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        var groundTruth = _groundTruthJson is not null ? CocoDataset.Load(_groundTruthJson) : BuildGroundTruth();
        foreach (var type in _types)
        {
            var detections = _detections.Where(d => type == CocoIouType.Bbox ? d.Box is not null : d.Segmentation is not null).ToList();
            var metrics = new Dictionary<string, double>();
            var ids = _records.Keys.Where(id => groundTruth.FindImage(id) is not null).Order().ToList();
            var options = new CocoEvaluationOptions { IouType = type, ImageIds = _groundTruthJson is null ? null : ids };
            var coco = CocoEvaluator.Evaluate(groundTruth, detections, options);
            var values = coco.Stats.ToArray();
            for (var k = 0; k < values.Length; k++)
                metrics[CocoSummaryStats.Names[k]] = values[k];
            result[type.Name()] = metrics;
        }
        return result;
    }

    /// <summary>The records' annotations as a COCO ground truth (dataset category ids).</summary>
    public CocoDataset BuildGroundTruth()
    {
        var categories = Enumerable.Range(0, _metadata.ThingClasses.Count)
            .Select(i => new CocoCategory(DatasetId(i), _metadata.ThingClasses[i])).ToList();
        var images = new List<CocoImage>();
        var annotations = new List<CocoAnnotation>();
        long nextId = 1;
        foreach (var record in _records.Values.OrderBy(r => r.ImageId))
        {
            images.Add(new CocoImage(record.ImageId, record.Width, record.Height, record.FileName));
            int[]? panopticIds = null;
            foreach (var a in record.Annotations)
            {
                BoxXywh? box = a.Box.Count == 4
                    ? a.BoxMode == BoxMode.XYWH
                        ? new BoxXywh(a.Box[0], a.Box[1], a.Box[2], a.Box[3])
                        : new BoxXywh(a.Box[0], a.Box[1], a.Box[2] - a.Box[0], a.Box[3] - a.Box[1])
                    : null;
                CocoSegmentation? segmentation = null;
                if (a.Rle is { } rle)
                    segmentation = new CompressedRleSegmentation(rle.Height, rle.Width, rle.Counts);
                else if (a.Polygons is { Count: > 0 } polygons)
                    segmentation = new PolygonSegmentation(polygons.Select(p => p.Select(v => (double)v).ToArray()).ToList());
                else if (a.SegmentId is { } segment && record.PanopticSegmentationFile is { } png)
                {
                    // A panoptic dataset's thing: its mask is the PNG's pixels with the segment id.
                    panopticIds ??= ReadPanopticIds(png, record);
                    segmentation = CompressedRleSegmentation.Compress(RleBitmap.FromIdMap(panopticIds, record.Height, record.Width, segment));
                }
                var area = a.Area
                    ?? (segmentation is not null ? segmentation.ToMask(record.Height, record.Width).Area : box?.Area ?? 0);
                annotations.Add(new CocoAnnotation(nextId++, record.ImageId, DatasetId(a.CategoryId), area, box, segmentation, a.IsCrowd));
            }
        }
        return new CocoDataset(images, categories, annotations, "records");
    }

    private static int[] ReadPanopticIds(string png, DatasetRecord record)
    {
        var (width, height, ids) = PanopticIds.ReadPng(png);
        if (width != record.Width || height != record.Height)
            throw new ArgumentException($"{png} is {width}x{height} but image {record.ImageId} is {record.Width}x{record.Height}");
        return ids;
    }

    private int DatasetId(int index) => _metadata.ThingDatasetId(index);

    private List<CocoDetection> Convert(DatasetRecord record, Instances instances)
    {
        var list = new List<CocoDetection>();
        if (!instances.Has(InstanceFields.Scores) || !instances.Has(InstanceFields.PredClasses))
            return list;
        var scores = ToArray<float>(instances.Get<Tensor>(InstanceFields.Scores), DType.Float32);
        var classes = ToArray<long>(instances.Get<Tensor>(InstanceFields.PredClasses), DType.Int64);
        var n = scores.Length;
        float[]? boxes = instances.Has(InstanceFields.PredBoxes)
            ? ToArray<float>(instances.Get<Boxes>(InstanceFields.PredBoxes).Tensor, DType.Float32)
            : null;
        byte[]? masks = null;
        int mh = 0, mw = 0;
        if (instances.Has(InstanceFields.PredMasks))
        {
            var tensor = instances.Get<Tensor>(InstanceFields.PredMasks);
            var shape = tensor.Shape;
            if (shape.Length != 3 || shape[0] != n)
                throw new ArgumentException($"pred_masks must be (R, H, W) with R = {n}, got [{string.Join(", ", shape)}]");
            (mh, mw) = ((int)shape[1], (int)shape[2]);
            if (mh != record.Height || mw != record.Width)
                throw new ArgumentException($"pred_masks are {mh}x{mw} but image {record.ImageId} is {record.Height}x{record.Width}; postprocess outputs to the original size");
            using var asBytes = tensor.To(DType.UInt8);
            masks = asBytes.ToArray<byte>();
        }
        var sx = (double)record.Width / instances.ImageWidth;
        var sy = (double)record.Height / instances.ImageHeight;
        for (var i = 0; i < n; i++)
        {
            BoxXywh? box = null;
            if (boxes is not null)
            {
                double x0 = boxes[4 * i] * sx, y0 = boxes[4 * i + 1] * sy, x1 = boxes[4 * i + 2] * sx, y1 = boxes[4 * i + 3] * sy;
                box = new BoxXywh(x0, y0, x1 - x0, y1 - y0);
            }
            CocoSegmentation? segmentation = null;
            if (masks is not null)
            {
                EvalRle mask = RleBitmap.FromRowMajor(masks.AsSpan(i * mh * mw, mh * mw), mh, mw);
                segmentation = CompressedRleSegmentation.Compress(mask);
            }
            list.Add(new CocoDetection(record.ImageId, DatasetId((int)classes[i]), scores[i], box, segmentation));
        }
        return list;
    }

    private static T[] ToArray<T>(Tensor tensor, DType dtype) where T : unmanaged
    {
        if (tensor.DType == dtype)
            return tensor.ToArray<T>();
        using var converted = tensor.To(dtype);
        return converted.ToArray<T>();
    }
}
