using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Masks;

namespace Panoptic.Evaluation.Tests.Coco;

public class CocoSegmTests
{
    private const double Tol = 1e-12;

    private static CocoDataset Dataset(params CocoAnnotation[] annotations) =>
        new([new CocoImage(1, 20, 20)], [new CocoCategory(1, "a")], annotations);

    private static CocoSegmentation Square(double x, double y, double size) =>
        new PolygonSegmentation([[x, y, x, y + size, x + size, y + size, x + size, y]]);

    private static CocoDetection Det(double score, CocoSegmentation segmentation, BoxXywh? box = null) =>
        new(1, 1, score, box, CompressedRleSegmentation.Compress(segmentation.ToMask(20, 20)));

    [Fact]
    public void Mask_iou_matches_polygon_ground_truth()
    {
        var gt = Dataset(new CocoAnnotation(1, 1, 1, 16, new BoxXywh(0, 0, 4, 4), Square(0, 0, 4)));
        var exact = CocoEvaluator.Evaluate(gt, [Det(0.9, Square(0, 0, 4))]);
        exact.Stats.AP.Should().BeApproximately(1, Tol);
        // A 4x4 square shifted by 1 pixel: 12 / 20 = 0.6 -> matched at .50, .55 and .60 (IoU >= threshold).
        var shifted = CocoEvaluator.Evaluate(gt, [Det(0.9, Square(1, 0, 4))]);
        shifted.Stats.AP.Should().BeApproximately(0.3, Tol);
    }

    [Fact]
    public void Crowd_ground_truth_as_uncompressed_rle_absorbs_detections()
    {
        var crowdMask = new PolygonSegmentation([[0, 10, 0, 20, 20, 20, 20, 10]]).ToMask(20, 20);
        var gt = Dataset(
            new CocoAnnotation(1, 1, 1, 16, new BoxXywh(0, 0, 4, 4), Square(0, 0, 4)),
            new CocoAnnotation(2, 1, 1, 200, new BoxXywh(0, 10, 20, 10), new UncompressedRleSegmentation(crowdMask), IsCrowd: true));
        var m = CocoEvaluator.Evaluate(gt, [Det(0.95, Square(2, 12, 3)), Det(0.9, Square(0, 0, 4)), Det(0.8, Square(10, 14, 5))]);
        m.Stats.AP.Should().BeApproximately(1, Tol);
    }

    [Fact]
    public void Boxes_on_segm_results_are_dropped_by_default_and_kept_on_request()
    {
        // A small false positive (9 px) ranked first, claiming a large box: with the box dropped its area is the mask's
        // (small bucket: a false positive there); with the box kept its area is 10000 (outside "small": ignored).
        var gt = Dataset(new CocoAnnotation(1, 1, 1, 16, new BoxXywh(0, 0, 4, 4), Square(0, 0, 4)));
        CocoDetection[] results = [Det(0.95, Square(10, 10, 3), new BoxXywh(0, 0, 100, 100)), Det(0.9, Square(0, 0, 4), new BoxXywh(0, 0, 4, 4))];
        CocoEvaluator.Evaluate(gt, results).Stats.APs.Should().Be(0.5);
        CocoEvaluator.Evaluate(gt, results, new CocoEvaluationOptions { KeepBoxOnSegmResults = true }).Stats.APs.Should().BeApproximately(1, Tol);
    }

    [Fact]
    public void Bbox_evaluation_of_mask_only_results_uses_the_mask_box()
    {
        var gt = Dataset(new CocoAnnotation(1, 1, 1, 16, new BoxXywh(0, 0, 4, 4), Square(0, 0, 4)));
        var m = CocoEvaluator.Evaluate(gt, [Det(0.9, Square(0, 0, 4))], new CocoEvaluationOptions { IouType = CocoIouType.Bbox });
        m.Stats.AP.Should().BeApproximately(1, Tol);
    }

    [Fact]
    public void Invalid_result_mask_is_a_data_error_naming_the_result()
    {
        var gt = Dataset(new CocoAnnotation(1, 1, 1, 16, new BoxXywh(0, 0, 4, 4), Square(0, 0, 4)));
        var act = () => CocoEvaluator.Evaluate(gt, [new CocoDetection(1, 1, 0.5, null, new CompressedRleSegmentation(20, 20, "~~"))]);
        act.Should().Throw<CocoDataException>().WithMessage("result [0]*");
    }
}
