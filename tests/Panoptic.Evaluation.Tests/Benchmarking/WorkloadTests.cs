using Panoptic.Evaluation.Benchmarking;
using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Evaluation.Tests.Support;

namespace Panoptic.Evaluation.Tests.Benchmarking;

public class WorkloadTests
{
    [Fact]
    public void Coco_workload_is_deterministic_and_gives_results_independent_of_threads()
    {
        var a = CocoWorkload.Generate(6, categories: 5, detectionsPerImage: 20);
        var b = CocoWorkload.Generate(6, categories: 5, detectionsPerImage: 20);
        a.Detections.Should().HaveCount(120);
        a.Detections.Select(d => ((CompressedRleSegmentation)d.Segmentation!).Counts)
            .Should().Equal(b.Detections.Select(d => ((CompressedRleSegmentation)d.Segmentation!).Counts));
        var one = CocoEvaluator.Evaluate(a.GroundTruth, a.Detections, new CocoEvaluationOptions { MaxDegreeOfParallelism = 1 });
        var all = CocoEvaluator.Evaluate(a.GroundTruth, a.Detections);
        one.Stats.Should().Be(all.Stats);
        one.Stats.AP.Should().BeInRange(0.05, 0.95);
    }

    [Fact]
    public void Panoptic_workload_evaluates_consistently()
    {
        using var temp = new TempFolder();
        var w = PanopticWorkload.Write(temp.Path, images: 4, variants: 2);
        var m = PanopticQualityEvaluation.Evaluate(w.GroundTruthJson, w.GroundTruthFolder, w.PredictionJson, w.PredictionFolder);
        m.ImageCount.Should().Be(4);
        m.All.Pq.Should().BeInRange(0.05, 0.99);
        var self = PanopticQualityEvaluation.Evaluate(w.GroundTruthJson, w.GroundTruthFolder, w.GroundTruthJson, w.GroundTruthFolder);
        self.All.Pq.Should().Be(1.0);
    }
}
