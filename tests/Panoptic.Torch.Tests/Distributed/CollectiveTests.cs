using Panoptic.Torch.Distributed;

namespace Panoptic.Torch.Tests.Distributed;

/// <summary>Gloo collectives between ranks on loopback give the exact values torch.distributed gives.</summary>
public sealed class CollectiveTests
{
    [Fact]
    public void The_gloo_backend_is_compiled_in() => ProcessGroup.IsAvailable(Backend.Gloo).Should().BeTrue();

    [Fact]
    public void All_reduce_sums_every_tensor_of_a_mixed_list_in_place()
    {
        var results = LoopbackWorld.Run(3, g =>
        {
            var r = g.Rank + 1;
            var floats = Torch.From(new float[] { r, 10 * r, 0.5f * r, -r }, 2, 2);
            var transposed = Torch.From(new double[] { r, 2 * r, 3 * r, 4 * r, 5 * r, 6 * r }, 2, 3).T();
            var ints = Torch.From(new long[] { r, 100 * r }, 2);
            g.AllReduce([floats, transposed, ints]);
            return (floats.ToArray<float>(), transposed.Contiguous().ToArray<double>(), ints.ToArray<long>(), transposed.Shape);
        });
        foreach (var (floats, transposed, ints, shape) in results)
        {
            floats.Should().Equal(6f, 60f, 3f, -6f);
            shape.Should().Equal(3, 2);
            transposed.Should().Equal(6, 24, 12, 30, 18, 36);
            ints.Should().Equal(6, 600);
        }
    }

    [Fact]
    public void All_reduce_avg_max_and_min_combine_the_ranks()
    {
        var results = LoopbackWorld.Run(2, g =>
        {
            var avg = Torch.From(new float[] { g.Rank == 0 ? 1 : 4, g.Rank == 0 ? -3 : 0 }, 2);
            var max = Torch.From(new long[] { g.Rank == 0 ? 7 : 2, g.Rank == 0 ? -1 : 5 }, 2);
            var min = max.Clone();
            g.AllReduce(avg, ReduceOp.Avg);
            g.AllReduce(max, ReduceOp.Max);
            g.AllReduce(min, ReduceOp.Min);
            return (avg.ToArray<float>(), max.ToArray<long>(), min.ToArray<long>());
        });
        foreach (var (avg, max, min) in results)
        {
            avg.Should().Equal(2.5f, -1.5f);
            max.Should().Equal(7, 5);
            min.Should().Equal(2, -1);
        }
    }

    [Fact]
    public void Avg_of_an_integer_tensor_is_refused_with_a_message()
    {
        var act = () => LoopbackWorld.Run(1, g =>
        {
            g.AllReduce(Torch.From(new long[] { 1 }, 1), ReduceOp.Avg);
            return 0;
        });
        act.Should().Throw<AggregateException>().WithInnerException<TorchException>().WithMessage("*avg needs floating tensors*");
    }

    [Fact]
    public void Broadcast_copies_the_source_ranks_parameters_into_the_others()
    {
        var results = LoopbackWorld.Run(2, g =>
        {
            var weight = Torch.Full([2, 3], g.Rank * 10.0 + 1).RequiresGrad_();
            var steps = Torch.From(new long[] { g.Rank + 5 }, 1);
            g.Broadcast([weight, steps], src: 1);
            return (weight.ToArray<float>(), steps.ToArray<long>(), weight.RequiresGrad);
        });
        foreach (var (weight, steps, requiresGrad) in results)
        {
            weight.Should().AllBeEquivalentTo(11f);
            steps.Should().Equal(6);
            requiresGrad.Should().BeTrue();
        }
    }

    [Fact]
    public void All_gather_returns_every_ranks_tensor_in_rank_order()
    {
        var results = LoopbackWorld.Run(3, g =>
        {
            var mine = Torch.From(new int[] { g.Rank, g.Rank * g.Rank }, 2);
            return g.AllGather(mine).Select(t => t.ToArray<int>()).ToArray();
        });
        foreach (var gathered in results)
        {
            gathered.Should().HaveCount(3);
            gathered[0].Should().Equal(0, 0);
            gathered[1].Should().Equal(1, 1);
            gathered[2].Should().Equal(2, 4);
        }
    }

    [Fact]
    public void Barrier_waits_for_the_slowest_rank()
    {
        var waited = LoopbackWorld.Run(2, g =>
        {
            g.Barrier();
            if (g.Rank == 1)
                Thread.Sleep(400);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            g.Barrier();
            return clock.Elapsed;
        });
        waited[0].Should().BeGreaterThan(TimeSpan.FromMilliseconds(300));
    }
}
