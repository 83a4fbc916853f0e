using FluentAssertions;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Engine.Optimization;
using Xunit;

namespace Panoptic.Core.Tests.Engine;

public sealed class SolverScalingTests
{
    private static readonly SolverSection Recipe = new()
    {
        ImsPerBatch = 16, BaseLr = 0.02, MaxIter = 90000, Steps = [60000, 80000], WarmupIters = 1000, CheckpointPeriod = 5000,
    };

    [Fact]
    public void Reference_world_size_scales_like_detectron2_auto_scale_workers()
    {
        var scaled = SolverScaling.Apply(Recipe with { ReferenceWorldSize = 8 }, new TestSection { EvalPeriod = 5000 }, worldSize: 1);

        scaled.Solver.ImsPerBatch.Should().Be(2);
        scaled.Solver.BaseLr.Should().Be(0.0025);
        scaled.Solver.MaxIter.Should().Be(720000);
        scaled.Solver.Steps.Should().Equal(480000, 640000);
        scaled.Solver.WarmupIters.Should().Be(8000);
        scaled.Solver.CheckpointPeriod.Should().Be(40000);
        scaled.Solver.ReferenceWorldSize.Should().Be(1);
        scaled.Test.EvalPeriod.Should().Be(40000);
        scaled.Note.Should().StartWith("auto-scaled from reference world size 8 to 1: ims_per_batch 16 → 2, base_lr 0.02 → 0.0025");
    }

    [Fact]
    public void Reference_batch_size_scales_the_learning_rate_linearly_and_says_so()
    {
        var scaled = SolverScaling.Apply(Recipe with { ImsPerBatch = 4, ReferenceBatchSize = 16, BaseLrEnd = 0.0002 }, new TestSection());

        scaled.Solver.BaseLr.Should().Be(0.005);
        scaled.Solver.BaseLrEnd.Should().Be(0.00005);
        scaled.Solver.MaxIter.Should().Be(90000);
        scaled.Note.Should().Be("learning rate scaled by batch size: base_lr 0.02 × 4/16 (reference_batch_size) = 0.005");
    }

    [Fact]
    public void Without_a_reference_nothing_changes()
    {
        var scaled = SolverScaling.Apply(Recipe, new TestSection());

        scaled.Solver.Should().BeSameAs(Recipe);
        scaled.Note.Should().BeNull();
    }
}
