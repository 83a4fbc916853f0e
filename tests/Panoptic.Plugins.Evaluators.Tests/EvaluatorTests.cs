using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Evaluation.Masks;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Torch;
using PredSegment = Panoptic.Abstractions.Structures.PanopticSegment;

namespace Panoptic.Plugins.Evaluators.Tests;

public sealed class EvaluatorTests(SyntheticEvalSet set) : IClassFixture<SyntheticEvalSet>
{
    private static ModelInput Input(DatasetRecord record) =>
        new(Torch.Torch.From(new float[1], 1), record.Height, record.Width) { Record = record };

    private static ModelOutput InstancesFromRecord(DatasetRecord record, double shift = 0)
    {
        var things = record.Annotations.Where(a => !a.IsCrowd).ToList();
        var n = things.Count;
        var boxes = new float[4 * n];
        var masks = new bool[n * record.Height * record.Width];
        var classes = new long[n];
        var scores = new float[n];
        for (var i = 0; i < n; i++)
        {
            var a = things[i];
            var (x, y, w, h) = a.BoxMode == BoxMode.XYWH ? (a.Box[0], a.Box[1], a.Box[2], a.Box[3]) : (a.Box[0], a.Box[1], a.Box[2] - a.Box[0], a.Box[3] - a.Box[1]);
            boxes[4 * i] = (float)(x + shift);
            boxes[4 * i + 1] = (float)(y + shift);
            boxes[4 * i + 2] = (float)(x + w + shift);
            boxes[4 * i + 3] = (float)(y + h + shift);
            classes[i] = a.CategoryId;
            scores[i] = 1f - 0.01f * i;
            var rle = a.Rle ?? throw new InvalidOperationException("synthetic instances are RLE");
            var pixels = RleBitmap.ToRowMajor(RleString.Decode(rle.Counts, rle.Height, rle.Width));
            var offset = i * record.Height * record.Width;
            var s = (int)shift;
            for (var r = 0; r < record.Height; r++)
            {
                for (var c = 0; c < record.Width; c++)
                {
                    var rr = r - s;
                    var cc = c - s;
                    if (rr >= 0 && cc >= 0 && rr < record.Height && cc < record.Width)
                        masks[offset + r * record.Width + c] = pixels[rr * record.Width + cc] != 0;
                }
            }
        }
        var instances = new Instances(record.Height, record.Width)
            .Set(InstanceFields.PredBoxes, new Boxes(Torch.Torch.From(boxes, n, 4)))
            .Set(InstanceFields.Scores, Torch.Torch.From(scores, n))
            .Set(InstanceFields.PredClasses, Torch.Torch.From(classes, n))
            .Set(InstanceFields.PredMasks, Torch.Torch.From(masks, n, record.Height, record.Width));
        return new ModelOutput { Instances = instances };
    }

    private ModelOutput PanopticFromRecord(DatasetRecord record, bool empty = false)
    {
        var metadata = set.Panoptic.Metadata;
        var (width, height, ids) = PanopticIds.ReadPng(record.PanopticSegmentationFile!);
        if (empty)
            return new ModelOutput { Panoptic = new PanopticResult(Torch.Torch.From(new int[width * height], height, width), []) };
        var segments = record.Segments.Select(s => new PredSegment(
            s.Id, s.IsThing ? metadata.ThingDatasetIds[s.CategoryId] : metadata.StuffDatasetIds[s.CategoryId], s.CategoryId, s.IsThing, (long)(s.Area ?? 0))).ToList();
        return new ModelOutput { Panoptic = new PanopticResult(Torch.Torch.From(ids, height, width), segments) };
    }

    [Fact]
    public void Ground_truth_fed_back_gives_AP_one()
    {
        var records = set.Instances.Records;
        records.Sum(r => r.Annotations.Count(a => !a.IsCrowd)).Should().BeGreaterThan(0);
        var evaluator = new CocoInstanceEvaluator(set.Instances.Metadata);
        evaluator.Process(records.Select(Input).ToList(), records.Select(r => InstancesFromRecord(r)).ToList());
        var metrics = evaluator.Evaluate();
        metrics["bbox"]["AP"].Should().BeApproximately(1.0, 1e-12);
        metrics["segm"]["AP"].Should().BeApproximately(1.0, 1e-12);
        metrics["bbox"]["AP50"].Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void Ground_truth_json_gives_the_same_AP()
    {
        var records = set.Instances.Records;
        var evaluator = new CocoInstanceEvaluator(set.Instances.Metadata, ["segm"], set.Layout.InstancesJson("val"));
        evaluator.Process(records.Select(Input).ToList(), records.Select(r => InstancesFromRecord(r)).ToList());
        var metrics = evaluator.Evaluate();
        metrics.Keys.Should().Equal("segm");
        metrics["segm"]["AP"].Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void Panoptic_dataset_things_are_evaluated_with_their_png_masks()
    {
        // Panoptic records carry no RLE/polygons: the evaluator takes each thing's mask from the PNG's segment id.
        var panoptic = set.Panoptic.Records.OrderBy(r => r.ImageId).ToList();
        panoptic.SelectMany(r => r.Annotations).Should().OnlyContain(a => a.Rle == null && a.Polygons == null && a.SegmentId != null);
        var byId = set.Instances.Records.ToDictionary(r => r.ImageId);
        var evaluator = new CocoInstanceEvaluator(set.Panoptic.Metadata, ["segm"]);
        evaluator.Process(panoptic.Select(Input).ToList(), panoptic.Select(r => InstancesFromRecord(byId[r.ImageId])).ToList());
        evaluator.Evaluate()["segm"]["AP"].Should().BeApproximately(1.0, 1e-12);

        evaluator.Reset();
        evaluator.Process(panoptic.Select(Input).ToList(), panoptic.Select(r => InstancesFromRecord(byId[r.ImageId], shift: 3)).ToList());
        evaluator.Evaluate()["segm"]["AP"].Should().BeLessThan(0.99);
    }

    [Fact]
    public void Shifted_or_missing_predictions_score_lower()
    {
        var records = set.Instances.Records;
        var evaluator = new CocoInstanceEvaluator(set.Instances.Metadata);
        evaluator.Process(records.Select(Input).ToList(), records.Select(r => InstancesFromRecord(r, shift: 3)).ToList());
        var shifted = evaluator.Evaluate();
        shifted["bbox"]["AP"].Should().BeLessThan(0.99);
        shifted["segm"]["AP"].Should().BeLessThan(0.99);

        evaluator.Reset();
        evaluator.Process(records.Select(Input).ToList(), records.Select(_ => new ModelOutput()).ToList());
        var none = evaluator.Evaluate();
        none["bbox"]["AP"].Should().BeLessThanOrEqualTo(0);
        none["segm"]["AP"].Should().BeLessThanOrEqualTo(0);
    }

    [Fact]
    public void Panoptic_ground_truth_fed_back_gives_PQ_one()
    {
        var records = set.Panoptic.Records;
        var evaluator = new PanopticQualityEvaluator(set.Panoptic.Metadata);
        evaluator.Process(records.Select(Input).ToList(), records.Select(r => PanopticFromRecord(r)).ToList());
        var metrics = evaluator.Evaluate()["panoptic"];
        metrics["PQ"].Should().Be(1.0);
        metrics["SQ"].Should().Be(1.0);
        metrics["RQ"].Should().Be(1.0);
        metrics["PQ_th"].Should().Be(1.0);
        metrics["PQ_st"].Should().Be(1.0);
    }

    [Fact]
    public void Empty_panoptic_prediction_gives_PQ_zero()
    {
        var records = set.Panoptic.Records;
        var evaluator = new PanopticQualityEvaluator(set.Panoptic.Metadata);
        evaluator.Process(records.Select(Input).ToList(), records.Select(r => PanopticFromRecord(r, empty: true)).ToList());
        evaluator.Evaluate()["panoptic"]["PQ"].Should().Be(0.0);
    }
}
