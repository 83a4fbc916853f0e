using Panoptic.Abstractions.Engine;
using Panoptic.Plugins.Engine.Schedules;

namespace Panoptic.Plugins.Engine.Tests.Schedules;

/// <summary>Schedules against hand values (detectron2 <c>tests/test_scheduler.py</c> cases and closed forms).</summary>
public sealed class ScheduleTests
{
    /// <summary>detectron2's WarmupMultiStepLR test: 30 iterations, steps 10/15/20, gamma 0.1, warm-up 5 from 0.001.</summary>
    private static readonly LRScheduleContext Detectron2 = new(30, [10, 15, 20], 0.1, 0.001, 5, WarmupMethod.Linear);

    [Fact]
    public void Warmup_multistep_matches_detectron2_at_and_around_every_boundary()
    {
        var schedule = new WarmupMultiStepLR(Detectron2);
        var lrs = Enumerable.Range(0, 30).Select(i => 5 * schedule.Factor(i)).ToArray();

        lrs[..5].Should().Equal([0.005, 1.004, 2.003, 3.002, 4.001], (a, b) => Math.Abs(a - b) < 1e-12);
        lrs[4..6].Should().Equal([4.001, 5.0], (a, b) => Math.Abs(a - b) < 1e-12);
        lrs[5..10].Should().AllSatisfy(lr => lr.Should().Be(5.0));
        lrs[9..11].Should().Equal([5.0, 0.5], (a, b) => Math.Abs(a - b) < 1e-12);
        lrs[10..15].Should().AllSatisfy(lr => lr.Should().BeApproximately(0.5, 1e-12));
        lrs[15..20].Should().AllSatisfy(lr => lr.Should().BeApproximately(0.05, 1e-12));
        lrs[20..].Should().AllSatisfy(lr => lr.Should().BeApproximately(0.005, 1e-12));
    }

    [Fact]
    public void Constant_warmup_holds_the_warmup_factor_until_the_warmup_ends()
    {
        var schedule = new WarmupMultiStepLR(Detectron2 with { WarmupFactor = 0.25, WarmupMethod = WarmupMethod.Constant });

        Enumerable.Range(0, 7).Select(schedule.Factor).Should().Equal(0.25, 0.25, 0.25, 0.25, 0.25, 1, 1);
    }

    [Fact]
    public void Without_warmup_a_step_applies_from_its_own_iteration()
    {
        var schedule = new WarmupMultiStepLR(new LRScheduleContext(10, [3, 6], 0.5, 0.001, 0, WarmupMethod.Linear));

        Enumerable.Range(0, 10).Select(schedule.Factor).Should().Equal(1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25);
    }

    [Fact]
    public void A_step_inside_the_warmup_lowers_the_warmup_target()
    {
        var schedule = new WarmupMultiStepLR(new LRScheduleContext(20, [2], 0.1, 0.0, 4, WarmupMethod.Linear));

        Enumerable.Range(0, 5).Select(schedule.Factor).Should().Equal([0, 0.025, 0.05, 0.075, 0.1], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    /// <summary>detectron2's WarmupCosineLR test: 30 iterations, warm-up 5 from 0.001, lr 5: cosine 2.5 (1 + cos(π i / 30)) after the warm-up.</summary>
    [Fact]
    public void Warmup_cosine_matches_detectron2()
    {
        var schedule = new WarmupCosineLR(new LRScheduleContext(30, [], 0.1, 0.001, 5, WarmupMethod.Linear));

        for (var i = 0; i < 30; i++)
        {
            var cosine = 2.5 * (1 + Math.Cos(Math.PI * i / 30));
            var lr = 5 * schedule.Factor(i);
            if (i >= 5)
                lr.Should().BeApproximately(cosine, 1e-12, $"iteration {i}");
            else
                lr.Should().NotBeApproximately(cosine, 1e-3, $"iteration {i} is in the warm-up");
        }
        (5 * schedule.Factor(0)).Should().BeApproximately(0.005, 1e-15);
        (5 * schedule.Factor(4)).Should().BeApproximately(0.005 + 0.8 * (2.5 * (1 + Math.Cos(Math.PI * 5 / 30)) - 0.005), 1e-12, "linear towards the cosine value at the end of the warm-up");
    }

    [Fact]
    public void Cosine_ends_at_base_lr_end()
    {
        var schedule = new WarmupCosineLR(new LRScheduleContext(100, [], 0.1, 1, 0, WarmupMethod.Linear) { EndFactor = 0.1 });

        schedule.Factor(0).Should().Be(1);
        schedule.Factor(50).Should().BeApproximately(0.55, 1e-15);
        schedule.Factor(100).Should().BeApproximately(0.1, 1e-15);
    }

    [Fact]
    public void Poly_decays_as_one_minus_progress_to_the_power()
    {
        var context = new LRScheduleContext(100, [], 0.1, 1, 0, WarmupMethod.Linear);
        var poly = new WarmupPolyLR(context, power: 0.9);
        var linear = new WarmupPolyLR(context with { EndFactor = 0.2 }, power: 1);

        poly.Factor(0).Should().Be(1);
        poly.Factor(50).Should().BeApproximately(Math.Pow(0.5, 0.9), 1e-15);
        poly.Factor(99).Should().BeApproximately(Math.Pow(0.01, 0.9), 1e-15);
        linear.Factor(25).Should().BeApproximately(0.8, 1e-15);
        linear.Factor(100).Should().BeApproximately(0.2, 1e-15);
    }

    [Fact]
    public void Poly_warmup_ramps_to_the_poly_value()
    {
        var schedule = new WarmupPolyLR(new LRScheduleContext(10, [], 0.1, 0.5, 2, WarmupMethod.Linear), power: 1);

        Enumerable.Range(0, 4).Select(schedule.Factor).Should().Equal([0.5, 0.65, 0.8, 0.7], (a, b) => Math.Abs(a - b) < 1e-15);
    }
}
