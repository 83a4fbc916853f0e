using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Masks;
using Panoptic.Evaluation.Tests.Support;

namespace Panoptic.Evaluation.Tests.Coco;

public class CocoSampleDataTests
{
    [Theory]
    [InlineData(CocoIouType.Bbox)]
    [InlineData(CocoIouType.Segm)]
    public void Ground_truth_against_itself_scores_one(CocoIouType type)
    {
        var gt = PanopticSample.ThingInstances();
        var results = gt.Annotations.Select(a => new CocoDetection(a.ImageId, a.CategoryId, 1.0, a.Box, a.Segmentation)).ToList();
        var metrics = CocoEvaluator.Evaluate(gt, results, new CocoEvaluationOptions { IouType = type });

        // pycocotools' precision of a category with a single true positive is 1 / (1 + 2^-52), so AP means are 1
        // within a few ulps; every bucket with ground truth scores 1, the others -1. (AR1 and AR10 stay below 1: an
        // image has more than 10 persons.)
        var s = metrics.Stats;
        foreach (var (name, value) in new[] { ("AP", s.AP), ("AP50", s.AP50), ("AP75", s.AP75), ("APs", s.APs), ("APm", s.APm) })
            value.Should().BeApproximately(1.0, 1e-15, name);
        foreach (var (name, value) in new[] { ("AR100", s.AR100), ("ARs", s.ARs), ("ARm", s.ARm) })
            value.Should().Be(1.0, name);
        // The only thing segment above 96² pixels is a crowd (ignored), so the large bucket has no ground truth.
        s.APl.Should().Be(-1);
        s.ARl.Should().Be(-1);
        metrics.PerCategory.Where(c => c.AP != -1).Should().OnlyContain(c => Math.Abs(c.AP - 1) < 1e-15);
    }

    [Fact]
    public void Masks_encoded_from_the_pngs_match_pycocotools_strings_in_the_detection_format_file()
    {
        // Read raw: that file numbers annotations from 0, which the evaluator's reader rightly refuses as ground truth.
        using var reference = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PanopticSample.DetectionFormatJson));
        var referenceAnnotations = reference.RootElement.GetProperty("annotations").EnumerateArray().ToList();
        var panoptic = Panoptic.Evaluation.PanopticQuality.PanopticDataset.Load(PanopticSample.Json);
        var byId = panoptic.Annotations.ToDictionary(a => a.ImageId);
        var maps = panoptic.Annotations.ToDictionary(a => a.ImageId, a => Panoptic.Evaluation.PanopticQuality.PanopticImage.Load(a, PanopticSample.PngFolder));
        var checkedCount = 0;
        foreach (var image in panoptic.Annotations)
        {
            var map = maps[image.ImageId];
            var expected = referenceAnnotations.Where(a => a.GetProperty("image_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) == image.ImageId).ToList();
            expected.Should().HaveCount(image.Segments.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var segment = byId[image.ImageId].Segments[i];
                var mask = RleBitmap.FromIdMap(map.Ids, map.Height, map.Width, segment.Id);
                var json = expected[i];
                RleString.Encode(mask).Should().Be(json.GetProperty("segmentation").GetProperty("counts").GetString());
                mask.Area.Should().Be(json.GetProperty("area").GetInt64());
                var box = json.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
                mask.ToBox().Should().Be(BoxXywh.FromArray(box));
                checkedCount++;
            }
        }
        checkedCount.Should().Be(50);
    }
}
