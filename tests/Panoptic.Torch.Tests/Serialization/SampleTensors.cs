namespace Panoptic.Torch.Tests.Serialization;

/// <summary>Small tensors of every dtype, with 0-d, empty, transposed and offset views, and their values as Python's repr prints them.</summary>
internal static class SampleTensors
{
    /// <summary>Name → (tensor, <c>repr</c> of each element of <c>t.reshape(-1).tolist()</c>).</summary>
    public static List<(string Name, Tensor Tensor, string[] PythonValues)> Create()
    {
        using var f16Source = Torch.From(new float[] { 0.5f, -1, 2048 });
        using var bf16Source = Torch.From(new float[] { 1, -2.5f, 256 });
        using var range6 = Torch.Arange(6);
        using var range6View = range6.View(2, 3);
        using var range10 = Torch.Arange(10);
        return
        [
            ("f32", Torch.From(new float[] { 1.5f, -2, 3.25f, 0 }, 2, 2), ["1.5", "-2.0", "3.25", "0.0"]),
            ("f64", Torch.From(new double[] { 1e-300, -7.5, 1e300 }), ["1e-300", "-7.5", "1e+300"]),
            ("f16", f16Source.To(DType.Float16), ["0.5", "-1.0", "2048.0"]),
            ("bf16", bf16Source.To(DType.BFloat16), ["1.0", "-2.5", "256.0"]),
            ("i64", Torch.From(new long[] { long.MinValue, -1, long.MaxValue }), ["-9223372036854775808", "-1", "9223372036854775807"]),
            ("i32", Torch.From(new[] { int.MinValue, 7, int.MaxValue }), ["-2147483648", "7", "2147483647"]),
            ("i16", Torch.From(new short[] { short.MinValue, 0, short.MaxValue }), ["-32768", "0", "32767"]),
            ("i8", Torch.From(new sbyte[] { -128, 5, 127 }), ["-128", "5", "127"]),
            ("u8", Torch.From(new byte[] { 0, 128, 255 }), ["0", "128", "255"]),
            ("bool", Torch.From(new[] { true, false, true }), ["True", "False", "True"]),
            ("scalar", Torch.Scalar(4), ["4.0"]),
            ("empty", Torch.Zeros([0, 2]), []),
            ("transposed", range6View.T(), ["0", "3", "1", "4", "2", "5"]),
            ("sliced", range10.Slice(0, 4, 7), ["4", "5", "6"]),
        ];
    }
}
