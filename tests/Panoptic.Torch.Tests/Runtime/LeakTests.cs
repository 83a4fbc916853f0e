using System.Runtime.CompilerServices;
using Panoptic.Torch.NN.Modules;
using Panoptic.Torch.Optim;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Torch.Tests.Runtime;

/// <summary>
/// Every native handle is accounted for: <see cref="Tensor.LiveCount"/> returns to its starting value once a scope,
/// module or optimizer is disposed. Serial, since the count is process-wide; measured after finalizers have settled.
/// </summary>
[Collection(Support.SerialCollection.Name)]
public class LeakTests
{
    private static long Settled()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return Tensor.LiveCount;
    }

    [Fact]
    public void A_dispose_scope_frees_everything_created_in_it_including_multi_output_ops_and_gradient_reads()
    {
        using var x = Torch.Randn([4, 6], DType.Float64, requiresGrad: true);
        var before = Settled();
        using (var scope = Torch.NewDisposeScope())
        {
            var y = ((x * 2 + 1).Relu() - x.Sigmoid()) / 3;
            var (values, indices) = y.Max(1);
            var (tv, ti) = y.Topk(2);
            var (sv, si) = y.Sort(0, stable: true);
            var (mv, mi) = y.Min(0, keepdim: true);
            var parts = y.Split(2, 1).Concat(y.Chunk(3, 0)).Concat(y.Unbind(0)).Concat(Torch.Meshgrid([values, tv[0]])).ToList();
            var picked = y[1.., TensorIndex.Ellipsis, ^1] + y[y > 0].Sum();
            var conv = F.Conv2d(y.Reshape(1, 1, 4, 6), Torch.Ones([2, 1, 3, 3], DType.Float64));
            var loss = values.Sum() + tv.Sum() + sv.Sum() + mv.Sum() + picked.Sum() + conv.Mean() + Torch.Cat(parts.Take(2).ToList(), 1).Sum();
            var grads = Panoptic.Torch.Autograd.Grad([loss], [x], retainGraph: true);
            loss.Backward();
            var read1 = x.Grad!;
            var read2 = x.Grad!;
            read1.ToArray<double>().Should().Equal(read2.ToArray<double>());
            grads[0]!.Shape.Should().Equal(4, 6);
            (indices.Numel + ti.Numel + si.Numel + mi.Numel).Should().BeGreaterThan(0);
            Tensor.LiveCount.Should().BeGreaterThan(before + 40);
            scope.Count.Should().Be((int)(Tensor.LiveCount - before));
        }
        Tensor.LiveCount.Should().Be(before, "disposing the scope frees every handle made inside it, at once");
        x.IsDisposed.Should().BeFalse();
        x.Grad = null;
    }

    [Fact]
    public void MoveToOuter_keeps_exactly_the_moved_tensor_alive()
    {
        var before = Settled();
        Tensor kept;
        using (var outer = Torch.NewDisposeScope())
        {
            using (var inner = Torch.NewDisposeScope())
            {
                var a = Torch.Arange(0, 6, 1, DType.Float64);
                var b = a * a + 1;
                kept = inner.MoveToOuter(b.Sum());
                inner.Count.Should().Be(3);
            }
            Tensor.LiveCount.Should().Be(before + 1);
            outer.Count.Should().Be(1);
            kept.ToDouble().Should().Be(61);
            outer.MoveToOuter(kept);
            outer.Count.Should().Be(0);
        }
        kept.IsDisposed.Should().BeFalse("it was moved out of the outermost scope: the caller owns it");
        Tensor.LiveCount.Should().Be(before + 1);
        kept.Dispose();
        Tensor.LiveCount.Should().Be(before);
    }

    [Fact]
    public void Detach_and_DisposeEverything_give_per_iteration_control()
    {
        var before = Settled();
        Tensor owned;
        using (var scope = Torch.NewDisposeScope())
        {
            for (var i = 0; i < 10; i++)
            {
                _ = Torch.Ones([3]) * i;
                scope.DisposeEverything();
                Tensor.LiveCount.Should().Be(before);
            }
            owned = Torch.Zeros([2]).DetachFromDisposeScope();
        }
        owned.IsDisposed.Should().BeFalse();
        owned.Dispose();
        Tensor.LiveCount.Should().Be(before);
    }

    [Fact]
    public void Modules_and_optimizers_free_their_tensors_when_disposed()
    {
        var before = Settled();
        using (var scope = Torch.NewDisposeScope())
        {
            using var net = new Sequential(new Conv2d(3, 4, 3), new BatchNorm2d(4), new ReLU());
            using var head = new Linear(4, 2);
            using var sgd = new SGD(net.Parameters().Concat(head.Parameters()), 0.1, momentum: 0.9);
            using var adam = new AdamW(head.Parameters(), 1e-3);
            var y = head.Forward(net.Forward(Torch.Randn([2, 3, 5, 5])).Mean([2L, 3L]));
            y.Sum().Backward();
            sgd.Step();
            adam.Step();
            sgd.StateTensors().Should().HaveCount(6);
            adam.StateTensors().Should().HaveCount(4);
        }
        Tensor.LiveCount.Should().Be(before);
    }

    [Fact]
    public void Forgotten_tensors_are_reclaimed_by_their_finalizers()
    {
        var before = Settled();
        MakeGarbage(200);
        Settled().Should().Be(before);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MakeGarbage(int n)
    {
        for (var i = 0; i < n; i++) _ = Torch.Ones([2]) + i;
    }
}
