using System.Runtime.InteropServices;

namespace Panoptic.Torch.Tests.Tensors;

/// <summary>Data in and out of tensors: arrays, spans, raw bytes and single items, for every dtype.</summary>
public class DataTests
{
    private static void RoundTrips<T>(T[] values, DType dtype) where T : unmanaged
    {
        using var t = Torch.From(values, 2, values.Length / 2);
        t.DType.Should().Be(dtype);
        t.Shape.Should().Equal(2, values.Length / 2);
        t.ToArray<T>().Should().Equal(values);
        t.ToBytes().Should().Equal(MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        t.AsSpan<T>().ToArray().Should().Equal(values);
        var copy = new T[values.Length];
        t.CopyTo<T>(copy);
        copy.Should().Equal(values);
        using var back = Torch.FromBytes(t.ToBytes(), dtype, [values.Length]);
        back.ToArray<T>().Should().Equal(values);
    }

    [Fact]
    public void Every_dotnet_element_type_round_trips_with_its_dtype()
    {
        RoundTrips(new[] { 1.5f, -2.25f, float.MaxValue, float.Epsilon }, DType.Float32);
        RoundTrips(new[] { Math.PI, -1e300, double.Epsilon, 0.1 }, DType.Float64);
        RoundTrips(new[] { long.MinValue, long.MaxValue, (1L << 53) + 1, -7L }, DType.Int64);
        RoundTrips(new[] { int.MinValue, int.MaxValue, 0, -1 }, DType.Int32);
        RoundTrips(new short[] { short.MinValue, short.MaxValue, 3, -3 }, DType.Int16);
        RoundTrips(new sbyte[] { sbyte.MinValue, sbyte.MaxValue, 1, -1 }, DType.Int8);
        RoundTrips(new byte[] { 0, 255, 17, 128 }, DType.UInt8);
        RoundTrips(new[] { true, false, false, true }, DType.Bool);
        RoundTrips(new[] { (Half)1, (Half)(-2.5), Half.MaxValue, (Half)0.1 }, DType.Float16);
    }

    [Fact]
    public void Float16_and_bfloat16_values_convert_with_round_to_nearest_even()
    {
        using var h = Torch.From(new[] { 0.1f, 65504f, -3.140625f, 1e-8f }).To(DType.Float16);
        h.DType.Should().Be(DType.Float16);
        h.ToArray<Half>().Should().Equal((Half)0.1f, (Half)65504f, (Half)(-3.140625f), (Half)1e-8f);
        // bfloat16 keeps the upper 16 bits of a float32, rounded to nearest even:
        // 1.0 = 0x3F80, -2.5 = 0xC020, 0.1 = 0x3DCCCCCD -> 0x3DCD, 1 + 2^-8 = 0x3F808000 (a tie) -> 0x3F80.
        using var f = Torch.From(new[] { 1.0f, -2.5f, 0.1f, 1f + 1f / 256 });
        using var bf = f.To(DType.BFloat16);
        bf.DType.Should().Be(DType.BFloat16);
        MemoryMarshal.Cast<byte, ushort>(bf.ToBytes()).ToArray().Should().Equal(0x3F80, 0xC020, 0x3DCD, 0x3F80);
        using var bf2 = Torch.FromBytes(MemoryMarshal.AsBytes(new ushort[] { 0x4049, 0xBF00 }.AsSpan()), DType.BFloat16, [2]);
        using var back = bf2.To(DType.Float32);
        back.ToArray<float>().Should().Equal(3.140625f, -0.5f);
        using var item = bf2[0];
        item.ToDouble().Should().Be(3.140625);
    }

    [Fact]
    public void Items_read_exactly_as_double_long_and_bool()
    {
        using var d = Torch.Scalar(2.75, DType.Float64);
        d.ToDouble().Should().Be(2.75);
        d.ToSingle().Should().Be(2.75f);
        using var big = Torch.From(new[] { (1L << 53) + 1 });
        big.ToInt64().Should().Be((1L << 53) + 1, "int64 items must not pass through a double");
        using var b = Torch.From(new[] { true });
        b.ToBoolean().Should().BeTrue();
        b.ToInt64().Should().Be(1);
        using var h = Torch.From(new[] { (Half)(-1.5) });
        h.ToDouble().Should().Be(-1.5);
        using var many = Torch.Ones([2, 3]);
        ((Action)(() => many.ToDouble())).Should().Throw<TorchException>().WithMessage("*6 elements*");
    }

    [Fact]
    public void Views_copy_out_in_logical_order_and_spans_need_contiguous_data()
    {
        using var t = Torch.From(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        using var tt = t.T();
        tt.IsContiguous.Should().BeFalse();
        tt.ToArray<float>().Should().Equal(1, 4, 2, 5, 3, 6);
        tt.Strides.Should().Equal(1, 3);
        ((Action)(() => tt.AsSpan<float>())).Should().Throw<TorchException>().WithMessage("*contiguous*");
        using var narrow = t.Narrow(1, 1, 2);
        narrow.StorageOffset.Should().Be(1);
        narrow.ToArray<float>().Should().Equal(2, 3, 5, 6);
    }

    [Fact]
    public void Empty_tensors_give_empty_arrays_spans_and_bytes()
    {
        using var e = Torch.From(Array.Empty<float>(), 0, 3);
        e.Shape.Should().Equal(0, 3);
        e.ToArray<float>().Should().BeEmpty();
        e.AsSpan<float>().Length.Should().Be(0);
        e.ToBytes().Should().BeEmpty();
        using var z = Torch.Zeros([2, 0], DType.Int64);
        z.ToArray<long>().Should().BeEmpty();
    }

    [Fact]
    public void A_span_writes_through_to_the_tensor_and_its_views()
    {
        using var t = Torch.Zeros([2, 2]);
        using var view = t.View(4);
        var span = t.AsSpan<float>();
        span[3] = 9;
        span[0] = -1;
        view.ToArray<float>().Should().Equal(-1, 0, 0, 9);
    }

    [Fact]
    public void Wrong_element_types_and_sizes_are_TorchExceptions()
    {
        using var t = Torch.Ones([3]);
        ((Action)(() => t.ToArray<double>())).Should().Throw<TorchException>().WithMessage("*float32*float64*");
        ((Action)(() => Torch.From(new float[] { 1, 2, 3 }, 2, 2).Dispose())).Should().Throw<TorchException>().WithMessage("*16 bytes*12*");
        ((Action)(() => t.CopyTo<float>(new float[2]))).Should().Throw<TorchException>().WithMessage("*12 bytes*8*");
    }

    [Fact]
    public void Dtype_conversions_truncate_and_test_nonzero_as_PyTorch()
    {
        using var f = Torch.From(new[] { -2.7f, -0.5f, 0f, 0.5f, 2.7f });
        using var i = f.Long();
        i.ToArray<long>().Should().Equal(-2, 0, 0, 0, 2);
        using var b = f.Bool();
        b.ToArray<bool>().Should().Equal(true, true, false, true, true);
        using var u = Torch.From(new[] { 300, -1 }).To(DType.UInt8);
        u.ToArray<byte>().Should().Equal(44, 255);
    }

    [Fact]
    public void Descriptions_name_shape_dtype_and_values()
    {
        using var t = Torch.From(new[] { 1.5, 2.5 });
        t.ToString().Should().Be("Tensor[2] float64 cpu");
        t.ToDisplayString().Should().Contain("1.5000").And.Contain("2.5000");
        var disposed = Torch.Ones([1]);
        disposed.Dispose();
        disposed.ToString().Should().Be("Tensor (disposed)");
    }
}
