using Panoptic.Evaluation.Json;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Evaluation.Tests.Support;

namespace Panoptic.Evaluation.Tests.PanopticQuality;

public class PanopticSampleDataTests
{
    [Fact]
    public void Ground_truth_against_itself_is_exactly_one()
    {
        var m = PanopticQualityEvaluation.Evaluate(PanopticSample.Json, PanopticSample.PngFolder, PanopticSample.Json, PanopticSample.PngFolder);
        foreach (var row in new[] { m.All, m.Things, m.Stuff })
        {
            row.Pq.Should().Be(1.0);
            row.Sq.Should().Be(1.0);
            row.Rq.Should().Be(1.0);
        }
        m.All.N.Should().Be(m.Things.N + m.Stuff.N);
        m.Things.N.Should().BeGreaterThan(0);
        m.Stuff.N.Should().BeGreaterThan(0);
        m.ImageCount.Should().Be(2);
    }

    [Fact]
    public void Written_predictions_read_back_the_same()
    {
        using var temp = new TempFolder();
        var gt = PanopticDataset.Load(PanopticSample.Json);
        var annotations = gt.Annotations
            .Select(a => PanopticJsonWriter.WritePng(Path.Combine(temp.Path, "pred"), a.FileName, PanopticImage.Load(a, PanopticSample.PngFolder)))
            .ToList();
        PanopticJsonWriter.Write(temp.File("pred.json"), annotations, gt.Categories);
        var m = PanopticQualityEvaluation.Evaluate(PanopticSample.Json, PanopticSample.PngFolder, temp.File("pred.json"), null);
        m.All.Pq.Should().Be(1.0);
        PanopticDataset.Load(temp.File("pred.json")).Annotations.Should().HaveCount(2);
    }

    [Fact]
    public void In_process_evaluation_equals_file_evaluation_and_missing_prediction_is_reported()
    {
        var gt = PanopticDataset.Load(PanopticSample.Json);
        var evaluator = new PanopticEvaluator(gt.Categories);
        foreach (var a in gt.Annotations)
        {
            var image = PanopticImage.Load(a, PanopticSample.PngFolder);
            evaluator.Process(image, image);
        }
        var fromFiles = PanopticQualityEvaluation.Evaluate(PanopticSample.Json, PanopticSample.PngFolder, PanopticSample.Json, PanopticSample.PngFolder, maxParallelism: 1);
        evaluator.Evaluate().PerCategory.Should().Equal(fromFiles.PerCategory);

        var partial = gt with { Annotations = [gt.Annotations[0]] };
        var act = () => PanopticQualityEvaluation.Evaluate(gt, PanopticSample.PngFolder, partial, PanopticSample.PngFolder);
        act.Should().Throw<PanopticDataException>().WithMessage("no prediction for the image with id: 439180*");
    }
}
