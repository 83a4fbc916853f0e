using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Evaluation.Tests.PanopticQuality;

// One-row images; ids per pixel written out. Expectations by hand from panopticapi's rules.
public class PanopticMatcherTests
{
    private static readonly PanopticCategory Person = new(1, "person", IsThing: true);
    private static readonly PanopticCategory Car = new(2, "car", IsThing: true);
    private static readonly PanopticCategory Grass = new(3, "grass", IsThing: false);
    private static readonly PanopticCategory Sky = new(4, "sky", IsThing: false);

    private static PanopticSegment S(int id, int category, bool IsCrowd = false, long? Area = null) => new(id, category, IsCrowd, Area);

    private static PanopticImage Image(int[] ids, params PanopticSegment[] segments) => new("1", ids.Length, 1, ids, segments, "test");

    private static PanopticMetrics Evaluate(PanopticImage gt, PanopticImage pred, params PanopticCategory[] categories)
    {
        var evaluator = new PanopticEvaluator(categories.Length == 0 ? [Person, Car, Grass, Sky] : categories);
        evaluator.Process(gt, pred);
        return evaluator.Evaluate();
    }

    private static PqCategoryResult Class(PanopticMetrics m, int id) => m.PerCategory.Single(c => c.CategoryId == id);

    [Fact]
    public void Iou_of_exactly_one_half_is_not_a_match()
    {
        // Intersection 2, union 2 + 4 - 2 = 4: IoU .5 is not > .5.
        var m = Evaluate(Image([1, 1, 1, 1], S(1, 1, Area: 4)), Image([5, 5, 0, 0], S(5, 1)));
        var person = Class(m, 1);
        (person.Tp, person.Fp, person.Fn).Should().Be((0, 1, 1));
        m.All.Should().Be(new PqSummary(0, 0, 0, 1));
    }

    [Fact]
    public void Prediction_pixels_on_void_are_left_out_of_the_union()
    {
        // Intersection 2; union 4 + 2 - 2 - 2 (prediction on VOID) = 2: IoU 1 (it would be .5 with void counted).
        var m = Evaluate(Image([0, 0, 1, 1], S(1, 1, Area: 2)), Image([5, 5, 5, 5], S(5, 1)));
        Class(m, 1).Should().Be(new PqCategoryResult(1, "person", true, 1, 0, 0, 1.0, 1.0, 1.0, 1.0));
        m.All.Pq.Should().Be(1.0);
    }

    [Fact]
    public void Prediction_mostly_on_void_and_same_category_crowd_is_not_a_false_positive()
    {
        // Crowd 7 (person) on pixels 0-3, VOID on 4-5, car 8 on 6-9. Prediction 20 (person) covers 1-5: 3 crowd + 2 void
        // of 5 pixels -> ignored. Crowd is neither matched nor missed.
        var gt = Image([7, 7, 7, 7, 0, 0, 8, 8, 8, 8], S(7, 1, IsCrowd: true, Area: 4), S(8, 2, Area: 4));
        var pred = Image([0, 20, 20, 20, 20, 20, 21, 21, 21, 21], S(20, 1), S(21, 2));
        var m = Evaluate(gt, pred);
        var person = Class(m, 1);
        (person.Tp, person.Fp, person.Fn).Should().Be((0, 0, 0));
        m.All.Should().Be(new PqSummary(1, 1, 1, 1));
    }

    [Fact]
    public void Crowd_of_another_category_does_not_excuse_a_prediction()
    {
        var m = Evaluate(Image([7, 7, 7, 7], S(7, 1, IsCrowd: true, Area: 4)), Image([22, 22, 22, 22], S(22, 2)));
        var car = Class(m, 2);
        (car.Tp, car.Fp, car.Fn).Should().Be((0, 1, 0));
    }

    [Fact]
    public void Prediction_exactly_half_on_void_is_a_false_positive()
    {
        var m = Evaluate(Image([0, 0, 9, 9], S(9, 1, Area: 2)), Image([30, 30, 30, 30], S(30, 2)));
        (Class(m, 2).Fp, Class(m, 1).Fn).Should().Be((1, 1));
    }

    [Fact]
    public void Class_with_only_false_positives_counts_with_zero_sq()
    {
        // person perfect (1/1/1); grass missed (0/0/0); sky only a false positive (0/0/0): all three count.
        var gt = Image([1, 1, 2, 2], S(1, 1, Area: 2), S(2, 3, Area: 2));
        var pred = Image([5, 5, 6, 6], S(5, 1), S(6, 4));
        var m = Evaluate(gt, pred);
        m.All.Should().Be(new PqSummary(1.0 / 3, 1.0 / 3, 1.0 / 3, 3));
        m.Things.Should().Be(new PqSummary(1, 1, 1, 1));
        m.Stuff.Should().Be(new PqSummary(0, 0, 0, 2));
        Class(m, 4).Should().Be(new PqCategoryResult(4, "sky", false, 0, 1, 0, 0, 0, 0, 0));
        Class(m, 2).Should().Be(new PqCategoryResult(2, "car", true, 0, 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void No_stuff_categories_reports_stuff_as_undefined()
    {
        var m = Evaluate(Image([1, 1], S(1, 1, Area: 2)), Image([5, 5], S(5, 1)), Person, Car);
        m.Stuff.Should().Be(new PqSummary(-1, -1, -1, 0));
        m.Things.N.Should().Be(1);
        m.SummaryLines()[4].Should().Be("Stuff     | -100.0  -100.0  -100.0     0");
    }

    [Fact]
    public void Iou_is_summed_and_averaged_per_class()
    {
        // Person: gt 1 (4 px) vs pred 5 (3 px inside): IoU 3/4; gt 2 (2 px) vs pred 6 (exact): IoU 1.
        var gt = Image([1, 1, 1, 1, 2, 2], S(1, 1, Area: 4), S(2, 1, Area: 2));
        var pred = Image([5, 5, 5, 0, 6, 6], S(5, 1), S(6, 1));
        var person = Class(Evaluate(gt, pred), 1);
        person.Tp.Should().Be(2);
        person.IouSum.Should().Be(0.75 + 1.0);
        person.Sq.Should().Be(1.75 / 2);
        person.Rq.Should().Be(1.0);
    }

    [Fact]
    public void Ground_truth_area_is_taken_from_the_json()
    {
        // The JSON says 8 pixels for a 4-pixel segment: union 4 + 8 - 4 = 8, IoU .5 -> no match.
        var m = Evaluate(Image([1, 1, 1, 1], S(1, 1, Area: 8)), Image([5, 5, 5, 5], S(5, 1)));
        Class(m, 1).Tp.Should().Be(0);
    }

    [Fact]
    public void Segment_in_png_but_not_in_json_is_reported()
    {
        var act = () => Evaluate(Image([1, 1], S(1, 1, Area: 2)), Image([5, 9], S(5, 1)));
        act.Should().Throw<PanopticDataException>().WithMessage("In the image with ID 1 segment with ID 9 is presented in PNG and not presented in JSON.*");
    }

    [Fact]
    public void Segment_in_json_but_not_in_png_is_reported()
    {
        var act = () => Evaluate(Image([1, 1], S(1, 1, Area: 2)), Image([5, 5], S(5, 1), S(6, 1)));
        act.Should().Throw<PanopticDataException>().WithMessage("*segment IDs [6] are presented in JSON and not presented in PNG*");
    }

    [Fact]
    public void Unknown_prediction_category_is_reported()
    {
        var act = () => Evaluate(Image([1, 1], S(1, 1, Area: 2)), Image([5, 5], S(5, 99)));
        act.Should().Throw<PanopticDataException>().WithMessage("*segment with ID 5 has unknown category_id 99*");
    }

    [Fact]
    public void Size_mismatch_is_reported()
    {
        var act = () => Evaluate(Image([1, 1], S(1, 1, Area: 2)), Image([5, 5, 5], S(5, 1)));
        act.Should().Throw<PanopticDataException>().WithMessage("*3x1*2x1*");
    }
}
