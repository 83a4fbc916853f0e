using FluentAssertions;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Engine.Distributed;
using Xunit;

namespace Panoptic.Core.Tests.Engine.Distributed;

/// <summary>Sharding and bucketing, without processes.</summary>
public sealed class LoaderShardTests
{
    [Fact]
    public void The_ranks_slices_of_a_planned_batch_are_consecutive_and_together_the_whole_batch()
    {
        var batch = new PlannedBatch(7, Enumerable.Range(0, 6).Select(i => new PlannedItem(10 + i, 0, (ulong)i)).ToArray());

        var slices = Enumerable.Range(0, 3).Select(r => new LoaderShard(r, 3).Take(batch, 6)).ToList();

        slices.Select(s => s.Sequence).Should().AllBeEquivalentTo(7L);
        slices.Select(s => s.Items.Select(i => i.Index)).Should().BeEquivalentTo(new[] { new[] { 10, 11 }, new[] { 12, 13 }, new[] { 14, 15 } }, o => o.WithStrictOrdering());
        var uneven = () => new LoaderShard(0, 4).Validate(6);
        uneven.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*6 images cannot be split evenly over 4 ranks*");
    }

    [Fact]
    public void Worker_arguments_append_the_rank_options_and_threads_are_shared_among_local_processes()
    {
        var command = new WorkerCommand("dotnet", ["panoptic.dll", "train", "--config", "c.yaml"]);

        command.ForRank(1, 2, "127.0.0.1", 29501).Should().Equal(
            "panoptic.dll", "train", "--config", "c.yaml", "--rank", "1", "--world-size", "2", "--master-addr", "127.0.0.1", "--master-port", "29501");
        var options = new DistributedOptions { Rank = 1, WorldSize = 2, MasterPort = 29501, LocalWorldSize = 2 };
        options.ThreadsPerProcess(0).Should().Be(Math.Max(1, Environment.ProcessorCount / 2));
        options.ThreadsPerProcess(3).Should().Be(3, "an explicit runtime.threads wins");
        var bad = () => (options with { Rank = 2 }).Validate();
        bad.Should().Throw<ArgumentException>().WithMessage("*--rank 2 must be in 0..1*");
    }
}
