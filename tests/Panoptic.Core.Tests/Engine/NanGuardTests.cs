using FluentAssertions;
using Panoptic.Core.Engine;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Tests.Engine.Support;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

[Collection(NonParallelCollection.Name)]
public sealed class NanGuardTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_loss_that_becomes_NaN_stops_training_at_that_iteration_with_the_loss_dict()
    {
        using var model = new TinyNet(nanAtCall: 3);
        var hook = new RecordingHook();
        var trainer = new Trainer(TinyRuns.Setup(_dir.Path, model, hooks: [hook]));

        var act = () => trainer.Run(TrainingStart.FromScratch);

        var error = act.Should().Throw<TrainingDivergedException>().Which;
        error.Iteration.Should().Be(3);
        error.Losses.Select(kv => kv.Key).Should().Equal("loss_mse", "loss_abs");
        double.IsNaN(error.Losses[1].Value).Should().BeTrue();
        error.Message.Should().Match("loss became infinite or NaN at iteration 3: {loss_mse = *, loss_abs = NaN}.*clip_gradients*");
        hook.Steps.Select(s => s.Iteration).Should().Equal(0, 1, 2);
        hook.Calls.Should().Equal("before_train", "after_train");
        File.ReadAllLines(Path.Combine(_dir.Path, MetricsJsonl.FileName)).Should().HaveCount(3, "iterations 0..2 were logged, 3 was not");
    }
}
