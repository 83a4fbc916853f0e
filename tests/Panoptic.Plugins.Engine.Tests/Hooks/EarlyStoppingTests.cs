using Panoptic.Core.Config.Sections;
using Panoptic.Plugins.Engine.Hooks;

namespace Panoptic.Plugins.Engine.Tests.Hooks;

public sealed class EarlyStoppingTests
{
    [Fact]
    public void Stops_after_patience_evaluations_without_an_improvement_larger_than_min_delta()
    {
        var hook = new EarlyStopping("segm/AP", MetricMode.Max, patience: 2, minDelta: 0.01);
        var state = new FakeState();

        foreach (var ap in new[] { 0.30, 0.35, 0.355, 0.34 })
            hook.AfterEvaluation(state, new Dictionary<string, double> { ["segm/AP"] = ap });

        hook.Best.Should().Be(0.35);
        state.StopReason.Should().Be("early stopping: segm/AP has not improved on 0.35 for 2 evaluations (patience 2)");
    }

    [Fact]
    public void Its_state_survives_a_resume()
    {
        var hook = new EarlyStopping("loss", MetricMode.Min, patience: 2);
        hook.AfterEvaluation(new FakeState(), new Dictionary<string, double> { ["loss"] = 1.0 });
        hook.AfterEvaluation(new FakeState(), new Dictionary<string, double> { ["loss"] = 1.5 });
        var resumed = new EarlyStopping("loss", MetricMode.Min, patience: 2);
        var state = new FakeState();

        resumed.LoadState(hook.SaveState());
        resumed.AfterEvaluation(state, new Dictionary<string, double> { ["loss"] = 1.2 });

        (resumed.Best, resumed.Stale).Should().Be((1.0, 2));
        state.StopReason.Should().StartWith("early stopping: loss");
    }

    [Fact]
    public void A_missing_metric_names_the_ones_there_are()
    {
        var hook = new EarlyStopping("panoptic/PQ");

        var act = () => hook.AfterEvaluation(new FakeState(), new Dictionary<string, double> { ["segm/AP"] = 1 });

        act.Should().Throw<HookConfigException>().WithMessage("EarlyStopping: metric 'panoptic/PQ' (runtime.hooks: metric) is not among the evaluation's metrics; valid: segm/AP");
    }
}
