using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Torch.Tests.Runtime;

/// <summary>Shape errors in functional ops surface as <see cref="TorchException"/> with libtorch's message; the process goes on.</summary>
public class ErrorSurfacingTests
{
    [Fact]
    public void Conv2d_with_the_wrong_channel_count_names_the_expected_channels()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Ones([1, 3, 8, 8]);
        var w = Torch.Ones([4, 5, 3, 3]);
        var act = () => F.Conv2d(x, w);
        act.Should().Throw<TorchException>().WithMessage("*expected input[1, 3, 8, 8] to have 5 channels, but got 3 channels instead*");
        F.Conv2d(x, Torch.Ones([4, 3, 3, 3])).Shape.Should().Equal(1, 4, 6, 6);
    }

    [Fact]
    public void Cross_entropy_with_a_wrong_target_shape_is_reported()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = Torch.Zeros([4, 3]);
        var act = () => F.CrossEntropy(logits, Torch.Zeros([5], DType.Int64));
        act.Should().Throw<TorchException>().WithMessage("*Expected input batch_size (4) to match target batch_size (5)*");
        var act2 = () => F.CrossEntropy(logits, Torch.Zeros([4, 2], DType.Int64));
        act2.Should().Throw<TorchException>();
        F.CrossEntropy(logits, Torch.Zeros([4], DType.Int64)).ToDouble().Should().BeApproximately(Math.Log(3), 1e-6);
    }

    [Fact]
    public void Cat_of_mismatched_shapes_is_reported()
    {
        using var scope = Torch.NewDisposeScope();
        var act = () => Torch.Cat([Torch.Ones([2, 3]), Torch.Ones([2, 4])], 0);
        act.Should().Throw<TorchException>().WithMessage("*Sizes of tensors must match except in dimension 0*");
        Torch.Cat([Torch.Ones([2, 3]), Torch.Ones([2, 4])], 1).Shape.Should().Equal(2, 7);
    }

    [Fact]
    public void Other_functional_misuse_is_reported_too()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Ones([1, 2, 4, 4]);
        ((Action)(() => F.GroupNorm(x, 3))).Should().Throw<TorchException>().WithMessage("*divisible*");
        ((Action)(() => F.MaxPool2d(x, (5, 5)))).Should().Throw<TorchException>().WithMessage("*too small*");
        ((Action)(() => F.Interpolate(Torch.Ones([2, 2]), size: (3, 3)))).Should().Throw<TorchException>().WithMessage("*4-D*");
        ((Action)(() => F.BinaryCrossEntropyWithLogits(Torch.Ones([3]), Torch.Ones([4])))).Should().Throw<TorchException>().WithMessage("Target size ([4]) must be the same as input size ([3])");
        ((Action)(() => F.Linear(Torch.Ones([2, 3]), Torch.Ones([4, 5])))).Should().Throw<TorchException>().WithMessage("*cannot be multiplied*");
        ((Action)(() => F.CrossEntropy(Torch.Ones([2, 3]), Torch.From(new long[] { 0, 7 })))).Should().Throw<TorchException>().WithMessage("*out of bounds*");
    }

    [Fact]
    public void Asking_for_cuda_without_it_is_a_TorchException()
    {
        if (Torch.CudaIsAvailable) return; // the GPU path is exercised where a device exists
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Ones([2]);
        ((Action)(() => x.Cuda().Dispose())).Should().Throw<TorchException>().WithMessage("*CUDA*");
        ((Action)(() => Torch.Zeros([2], device: Device.Parse("cuda:0")).Dispose())).Should().Throw<TorchException>().WithMessage("*CUDA*");
        x.Sum().ToDouble().Should().Be(2);
    }

    [Fact]
    public void Errors_on_concurrent_threads_keep_their_own_messages()
    {
        var messages = new string[8];
        Parallel.For(0, messages.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            for (var k = 0; k < 50; k++)
            {
                using var a = Torch.Ones([2, i + 3]);
                try
                {
                    a.View(i + 100).Dispose();
                }
                catch (TorchException e)
                {
                    messages[i] = e.Message;
                }
            }
        });
        for (var i = 0; i < messages.Length; i++)
            messages[i].Should().Contain($"shape '[{i + 100}]' is invalid for input of size {2 * (i + 3)}");
    }
}
