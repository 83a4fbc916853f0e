using Panoptic.Plugins.Engine.Hooks;

namespace Panoptic.Plugins.Engine.Tests.Hooks;

public sealed class WallClockLimitTests
{
    [Fact]
    public void Requests_a_stop_once_the_limit_is_reached()
    {
        var elapsed = TimeSpan.FromMinutes(9);
        var hook = new WallClockLimit(TimeSpan.FromMinutes(10), () => elapsed);
        var state = new FakeState();
        hook.BeforeTrain(state);

        hook.AfterStep(state);
        state.StopReason.Should().BeNull();
        elapsed = TimeSpan.FromMinutes(10);
        hook.AfterStep(state);

        state.StopReason.Should().Be("wall-clock limit of 10 min reached (WallClockLimit)");
    }
}
