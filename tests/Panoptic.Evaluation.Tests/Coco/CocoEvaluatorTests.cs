using Panoptic.Evaluation.Coco;
using Panoptic.Evaluation.Tests.Support;

namespace Panoptic.Evaluation.Tests.Coco;

// Expectations worked out by hand from pycocotools' rules. A lone true positive has precision
// tp / (tp + fp + eps) = 1 / (1 + 2^-52) = 1 - 2^-52, so "1" below means 1 up to 1e-12.
public class CocoEvaluatorTests
{
    private const double Tol = 1e-12;

    private static CocoScenario OneImage() => new CocoScenario().Image(1).Category(1);

    [Fact]
    public void Exact_detection_scores_one_where_there_is_ground_truth_and_minus_one_elsewhere()
    {
        var s = OneImage().Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.9, 0, 0, 10, 10).Evaluate().Stats;
        s.AP.Should().BeApproximately(1, Tol);
        s.AP50.Should().BeApproximately(1, Tol);
        s.AP75.Should().BeApproximately(1, Tol);
        s.APs.Should().BeApproximately(1, Tol); // area 100 is small
        s.APm.Should().Be(-1);
        s.APl.Should().Be(-1);
        s.AR1.Should().Be(1);
        s.AR100.Should().Be(1);
        s.ARm.Should().Be(-1);
    }

    [Fact]
    public void Lone_true_positive_has_precision_one_minus_epsilon_as_in_pycocotools()
    {
        var m = OneImage().Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.9, 0, 0, 10, 10).Evaluate();
        m.Curves.Precision(0, 0, 0, 0, 2).Should().Be(1 - Math.Pow(2, -52));
        m.Curves.Score(0, 0, 0, 0, 2).Should().Be(0.9);
    }

    [Fact]
    public void Iou_thresholds_are_numpy_linspace_values()
    {
        // np.linspace(.5, .95, 10)[8] is 0.8999999999999999, so an IoU of exactly 0.9 passes it.
        CocoEvaluationOptions.DefaultIouThresholds[8].Should().Be(0.8999999999999999);
        CocoEvaluationOptions.DefaultIouThresholds[5].Should().Be(0.75);
        // [0,0,10,9] inside [0,0,10,10]: IoU 90 / 100 = 0.9 -> matched at 9 of the 10 thresholds.
        var s = OneImage().Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.9, 0, 0, 10, 9).Evaluate().Stats;
        s.AP.Should().BeApproximately(0.9, Tol);
    }

    [Fact]
    public void Shifted_detection_matches_only_thresholds_up_to_its_iou()
    {
        // [2,0,10,10] vs [0,0,10,10]: 80 / 120 = 0.667 >= .50 .55 .60 .65 only.
        var s = OneImage().Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.9, 2, 0, 10, 10).Evaluate().Stats;
        s.AP.Should().BeApproximately(0.4, Tol);
        s.AP50.Should().BeApproximately(1, Tol);
        s.AP75.Should().Be(0);
        s.AR100.Should().BeApproximately(0.4, Tol);
    }

    [Fact]
    public void Lower_scored_duplicate_does_not_lower_ap()
    {
        // tp = [1, 1], fp = [0, 1]: precision [1, .5] whose envelope is 1 at recall 1.
        var s = OneImage().Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.9, 0, 0, 10, 10).Dt(1, 1, 0.8, 0, 0, 10, 10).Evaluate().Stats;
        s.AP.Should().BeApproximately(1, Tol);
    }

    [Fact]
    public void Higher_scored_false_positive_halves_precision_exactly()
    {
        // tp = [0, 1], fp = [1, 1]: precision [0, 1/(2 + 2^-52)] = [0, .5] exactly; envelope .5 everywhere.
        var m = OneImage().Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.9, 50, 50, 10, 10).Dt(1, 1, 0.8, 0, 0, 10, 10).Evaluate();
        m.Stats.AP.Should().Be(0.5);
        m.Stats.AR1.Should().Be(0); // only the false positive is kept with maxDets 1
        m.Stats.AR10.Should().Be(1);
    }

    [Fact]
    public void Crowd_absorbs_several_detections_by_intersection_over_detection_area()
    {
        var s = OneImage()
            .Gt(1, 1, 0, 0, 10, 10)
            .Gt(1, 1, 20, 0, 30, 30, crowd: true)
            .Dt(1, 1, 0.9, 0, 0, 10, 10)
            .Dt(1, 1, 0.8, 20, 0, 10, 10)
            .Dt(1, 1, 0.7, 30, 0, 10, 10)
            .Dt(1, 1, 0.6, 40, 0, 10, 10)
            .Evaluate().Stats;
        s.AP.Should().BeApproximately(1, Tol);
        s.AR100.Should().Be(1);
    }

    [Fact]
    public void Crowd_match_needs_half_of_the_detection_inside()
    {
        // The top detection lies half inside the crowd: 50 / 100 = .5 matches (ignored) at IoU .50 only; above, it is
        // a false positive ranked before the true positive, so precision is .5 for the other 9 thresholds.
        var s = OneImage()
            .Gt(1, 1, 0, 0, 10, 10)
            .Gt(1, 1, 20, 0, 30, 30, crowd: true)
            .Dt(1, 1, 0.95, 45, 0, 10, 10)
            .Dt(1, 1, 0.9, 0, 0, 10, 10)
            .Evaluate().Stats;
        s.AP50.Should().BeApproximately(1, Tol);
        s.AP75.Should().Be(0.5);
        s.AP.Should().BeApproximately((1 + 9 * 0.5) / 10, Tol);
    }

    [Fact]
    public void Max_detections_apply_per_image_and_per_category()
    {
        var s = new CocoScenario().Image(1).Category(1).Category(2)
            .Gt(1, 1, 0, 0, 10, 10).Gt(1, 2, 50, 50, 10, 10)
            .Dt(1, 1, 0.9, 0, 0, 10, 10).Dt(1, 2, 0.8, 50, 50, 10, 10)
            .Evaluate().Stats;
        s.AR1.Should().Be(1); // one detection per category fits a limit of 1
    }

    [Fact]
    public void Area_buckets_use_the_json_area_and_are_closed_intervals()
    {
        // GT areas 500 (small), exactly 1024 (small and medium), 10000 (large) in three categories.
        var scenario = new CocoScenario().Image(1, 300, 300).Category(1).Category(2).Category(3)
            .Gt(1, 1, 0, 0, 10, 10, area: 500).Dt(1, 1, 0.9, 0, 0, 10, 10)
            .Gt(1, 2, 50, 50, 32, 32, area: 1024).Dt(1, 2, 0.9, 50, 50, 32, 32)
            .Gt(1, 3, 100, 100, 100, 100, area: 10000).Dt(1, 3, 0.9, 100, 100, 100, 100);
        var s = scenario.Evaluate().Stats;
        s.APs.Should().BeApproximately(1, Tol);
        s.APm.Should().BeApproximately(1, Tol);
        s.APl.Should().BeApproximately(1, Tol);
        s.ARs.Should().Be(1);
        s.ARm.Should().Be(1);
        s.ARl.Should().Be(1);
    }

    [Fact]
    public void Unmatched_detection_outside_an_area_range_is_ignored_there()
    {
        // A large false positive ranks first: it counts in "all" (AP .5) but is ignored for "small".
        var s = OneImage().Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.95, 0, 50, 50, 50).Dt(1, 1, 0.9, 0, 0, 10, 10).Evaluate().Stats;
        s.AP.Should().Be(0.5);
        s.APs.Should().BeApproximately(1, Tol);
    }

    [Fact]
    public void Category_without_ground_truth_is_minus_one_and_left_out_of_the_mean()
    {
        var m = new CocoScenario().Image(1).Category(1).Category(2)
            .Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.9, 0, 0, 10, 10).Dt(1, 2, 0.99, 0, 0, 10, 10)
            .Evaluate();
        m.PerCategory.Should().HaveCount(2);
        m.PerCategory[0].AP.Should().BeApproximately(1, Tol);
        m.PerCategory[1].AP.Should().Be(-1);
        m.Stats.AP.Should().BeApproximately(1, Tol);
    }

    [Fact]
    public void False_positive_on_an_image_without_ground_truth_counts()
    {
        var s = OneImage().Image(2).Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.9, 0, 0, 10, 10).Dt(2, 1, 0.95, 0, 0, 10, 10).Evaluate().Stats;
        s.AP.Should().Be(0.5);
    }

    [Theory]
    [InlineData(1, 2, 1.0)]   // tie: the true positive's image (id 1) comes first -> precision 1
    [InlineData(3, 2, 0.5)]   // tie: the false positive's image (id 2) comes first -> precision .5
    public void Score_ties_keep_image_id_order(long gtImage, long otherImage, double expectedAp)
    {
        var s = new CocoScenario().Image(gtImage).Image(otherImage).Category(1)
            .Gt(gtImage, 1, 0, 0, 10, 10)
            .Dt(otherImage, 1, 0.5, 0, 0, 10, 10)
            .Dt(gtImage, 1, 0.5, 0, 0, 10, 10)
            .Evaluate().Stats;
        s.AP.Should().BeApproximately(expectedAp, Tol);
    }

    [Fact]
    public void Score_ties_within_an_image_keep_input_order()
    {
        var first = OneImage().Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.5, 0, 0, 10, 10).Dt(1, 1, 0.5, 50, 50, 10, 10).Evaluate().Stats;
        var second = OneImage().Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.5, 50, 50, 10, 10).Dt(1, 1, 0.5, 0, 0, 10, 10).Evaluate().Stats;
        first.AR1.Should().Be(1);
        second.AR1.Should().Be(0);
    }

    [Fact]
    public void Summary_table_has_pycocotools_format()
    {
        var lines = OneImage().Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.9, 0, 0, 10, 10).Evaluate().SummaryLines();
        lines.Should().HaveCount(12);
        lines[0].Should().Be(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 1.000");
        lines[1].Should().Be(" Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ] = 1.000");
        lines[4].Should().Be(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=medium | maxDets=100 ] = -1.000");
        lines[6].Should().Be(" Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = 1.000");
    }

    [Fact]
    public void Ground_truth_ids_below_one_are_rejected()
    {
        var act = () => new CocoScenario().Image(1).Category(1).Gt(1, 1, 0, 0, 10, 10, id: 0).Dataset();
        act.Should().Throw<CocoDataException>().WithMessage("*annotation id 0*");
    }

    [Fact]
    public void Results_for_unknown_images_are_rejected()
    {
        var evaluator = new CocoEvaluator(OneImage().Gt(1, 1, 0, 0, 10, 10).Dataset(), new CocoEvaluationOptions { IouType = CocoIouType.Bbox });
        var act = () => evaluator.Process(9, [new CocoDetection(9, 1, 0.5, new(0, 0, 1, 1))]);
        act.Should().Throw<CocoDataException>().WithMessage("*image id 9*");
    }

    [Fact]
    public void Reset_forgets_detections()
    {
        var evaluator = new CocoEvaluator(OneImage().Gt(1, 1, 0, 0, 10, 10).Dataset(), new CocoEvaluationOptions { IouType = CocoIouType.Bbox });
        evaluator.Process(1, [new CocoDetection(1, 1, 0.5, new(0, 0, 10, 10))]);
        evaluator.Evaluate().Stats.AP.Should().BeApproximately(1, Tol);
        evaluator.Reset();
        evaluator.DetectionCount.Should().Be(0);
        evaluator.Evaluate().Stats.AP.Should().Be(0);
    }

    [Fact]
    public void Custom_thresholds_and_category_subset()
    {
        var scenario = new CocoScenario().Image(1).Category(1).Category(2)
            .Gt(1, 1, 0, 0, 10, 10).Dt(1, 1, 0.9, 2, 0, 10, 10)
            .Gt(1, 2, 50, 50, 10, 10);
        var options = new CocoEvaluationOptions { IouType = CocoIouType.Bbox, IouThresholds = [0.5, 0.75], CategoryIds = [1] };
        var m = CocoEvaluator.Evaluate(scenario.Dataset(), scenario.Detections, options);
        m.PerCategory.Should().ContainSingle();
        m.Stats.AP.Should().BeApproximately(0.5, Tol);
        m.Stats.AP50.Should().BeApproximately(1, Tol);
        m.Stats.AP75.Should().Be(0);
    }
}
