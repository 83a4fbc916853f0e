namespace Panoptic.Torch.Tests.Runtime;

public class TensorCoreTests
{
    [Fact]
    public void Round_trips_an_array_with_its_shape_and_dtype()
    {
        using var t = Torch.From(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        t.Shape.Should().Equal(2, 3);
        t.DType.Should().Be(DType.Float32);
        t.Device.Should().Be(Device.Cpu);
        t.ToArray<float>().Should().Equal(1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public void A_shape_error_is_a_TorchException_with_libtorch_message_and_the_process_goes_on()
    {
        using var a = Torch.Ones([2, 3]);
        using var b = Torch.Ones([4, 5]);
        var act = () => a.Matmul(b);
        act.Should().Throw<TorchException>().WithMessage("*cannot be multiplied*");
        using var c = a.Add(a);
        c.Sum().ToDouble().Should().Be(12);
    }

    [Fact]
    public void Errors_of_every_native_exception_kind_surface_as_TorchException()
    {
        using var a = Torch.Ones([2, 3]);
        ((Action)(() => a.View(7))).Should().Throw<TorchException>().WithMessage("*shape*");
        ((Action)(() => a.Select(5, 0))).Should().Throw<TorchException>().WithMessage("*out of range*");
        ((Action)(() => a.Split(2, 9))).Should().Throw<TorchException>();
        ((Action)(() => a[5].Dispose())).Should().Throw<TorchException>().WithMessage("*out of bounds*");
    }
}
