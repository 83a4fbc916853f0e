using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Evaluation.Json;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Plugins.PanopticFPN.Fusion;
using Panoptic.Plugins.PanopticFPN.Tests.Support;
using Panoptic.Plugins.TestSupport;
using EvaluationSegment = Panoptic.Evaluation.PanopticQuality.PanopticSegment;

namespace Panoptic.Plugins.PanopticFPN.Tests.Fusion;

using Torch = Panoptic.Torch.Torch;

/// <summary>Fusion output written as COCO panoptic files (JSON + PNGs) is what the PQ evaluator reads: against itself, PQ 1.</summary>
public sealed class FusionPanopticQualityTests
{
    private static readonly DatasetMetadata Metadata = new("scene", ["a", "b", "c"], ["things", "sky", "grass", "road"])
    {
        ThingDatasetIds = new Dictionary<int, int> { [0] = 2, [1] = 5, [2] = 9 },
        StuffDatasetIds = new Dictionary<int, int> { [1] = 120, [2] = 150, [3] = 181 },
    };

    [Fact]
    public void Fused_predictions_written_with_the_json_writer_evaluate_to_pq_1_against_themselves()
    {
        using var folder = new TempFolder();
        var categories = Metadata.ThingDatasetIds.Select(t => new PanopticCategory(t.Value, Metadata.ThingClasses[t.Key], IsThing: true))
            .Concat(Metadata.StuffDatasetIds.Select(s => new PanopticCategory(s.Value, Metadata.StuffClasses[s.Key], IsThing: false)))
            .ToList();
        var fusion = new HeuristicFusion(new FusionThresholds(StuffAreaLimit: 64), PanopticCategories.From(Metadata));
        var annotations = new List<PanopticAnnotation>();
        var segmentCount = 0;
        for (var image = 0; image < 3; image++)
        {
            using var scope = Torch.NewDisposeScope();
            var (instances, labels) = RandomScene.Create(seed: image, height: 48, width: 64, count: 12, thingClasses: 3, stuffClasses: 3);
            var result = fusion.Combine(instances, labels);
            var png = new PanopticImage($"{image}", 64, 48, result.Segmentation.ToArray<int>(),
                result.Segments.Select(s => new EvaluationSegment(s.Id, s.CategoryId, Area: s.Area)).ToList());
            annotations.Add(PanopticJsonWriter.WritePng(folder.Path, $"{image}.png", png));
            annotations[^1].Segments.Select(s => s.Area).Should().Equal(result.Segments.Select(s => (long?)s.Area), "segment areas are the map's pixel counts");
            segmentCount += result.Segments.Count;
        }
        PanopticJsonWriter.Write(folder.File("panoptic.json"), annotations, categories);

        var metrics = PanopticQualityEvaluation.Evaluate(folder.File("panoptic.json"), folder.Path, folder.File("panoptic.json"), folder.Path, maxParallelism: 1);

        segmentCount.Should().BeGreaterThan(10);
        (metrics.All.Pq, metrics.Things.Pq, metrics.Stuff.Pq).Should().Be((1.0, 1.0, 1.0));
        metrics.Things.N.Should().BeGreaterThan(0);
        metrics.Stuff.N.Should().BeGreaterThan(0);
        metrics.ImageCount.Should().Be(3);
    }
}
