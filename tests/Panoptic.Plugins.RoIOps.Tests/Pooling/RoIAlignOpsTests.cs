using System.Text.Json;
using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;

namespace Panoptic.Plugins.RoIOps.Tests.Pooling;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// The <c>RoIAlignOps</c> component (RoIAlign from tensor ops) against <c>torchvision.ops.roi_align</c>, forward and
/// backward — the cases of the native kernel's tests (tests/Panoptic.Torch.Tests/Vision/RoIAlignTests.cs) through the
/// component's single-level path — and against the native <c>RoIAlign</c> component.
/// </summary>
public class RoIAlignOpsTests
{
    // Rows (image, x1, y1, x2, y2): inside, partly outside, wholly outside, sub-pixel, whole image, second image.
    private static readonly double[] Rois =
    [
        0, 2.3, 1.1, 15.7, 9.2,
        0, -4.0, -3.0, 6.5, 5.5,
        0, 40.0, 30.0, 55.0, 44.0,
        1, 7.2, 7.3, 7.6, 7.9,
        1, 0.0, 0.0, 23.0, 19.0,
        1, 10.0, 3.0, 30.0, 25.0,
    ];

    private const int Size = 5;

    private const string Reference = """
        import sys, json, torch
        from torchvision.ops import roi_align
        rois_flat = json.loads(sys.argv[1])
        out = {}
        for dtype in ("float32", "float64"):
            dt = getattr(torch, dtype)
            x = (torch.arange(2 * 3 * 10 * 12, dtype=torch.float64).reshape(2, 3, 10, 12) * 0.37).sin().to(dt).requires_grad_()
            rois = torch.tensor(rois_flat, dtype=dt).reshape(-1, 5)
            for aligned in (False, True):
                for sr in (0, 2):
                    y = roi_align(x, rois, (5, 5), spatial_scale=0.5, sampling_ratio=sr, aligned=aligned)
                    w = torch.arange(y.numel(), dtype=dt).reshape(y.shape).cos()
                    (y * w).sum().backward()
                    out[f"{dtype}-{aligned}-{sr}"] = {"y": y.detach().flatten().tolist(), "g": x.grad.flatten().tolist()}
                    x.grad = None
        print(json.dumps(out))
        """;

    private static readonly Lazy<JsonElement> Expected = new(() =>
        JsonDocument.Parse(PythonReference.Run(Reference, 1, JsonSerializer.Serialize(Rois))).RootElement);

    [Theory]
    [InlineData(DType.Float32, false, 0, 1e-5)]
    [InlineData(DType.Float32, false, 2, 1e-5)]
    [InlineData(DType.Float32, true, 0, 1e-5)]
    [InlineData(DType.Float32, true, 2, 1e-5)]
    [InlineData(DType.Float64, false, 0, 1e-12)]
    [InlineData(DType.Float64, true, 2, 1e-12)]
    public void Matches_torchvision_forward_and_backward(DType dtype, bool aligned, int samplingRatio, double tolerance)
    {
        using var scope = Torch.NewDisposeScope();
        var x = Input(dtype).RequiresGrad_();
        var pooler = new RoIAlignOpsPooler(Stride2, Size, samplingRatio, aligned);
        var y = pooler.Forward([x], BoxesPerImage(dtype));
        y.Shape.Should().Equal(6, 3, Size, Size);
        var w = Torch.Arange(0L, y.Numel, 1L, dtype).Reshape(y.Shape).Cos();
        (y * w).Sum().Backward();

        var expected = Expected.Value.GetProperty($"{dtype.Name()}-{(aligned ? "True" : "False")}-{samplingRatio}");
        AssertClose(y.Detach().To(DType.Float64).ToArray<double>(), expected.GetProperty("y"), tolerance);
        AssertClose(x.Grad!.To(DType.Float64).ToArray<double>(), expected.GetProperty("g"), tolerance);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public void Agrees_with_the_native_kernel_component(bool aligned, int samplingRatio)
    {
        using var scope = Torch.NewDisposeScope();
        var x = Input(DType.Float32);
        var ops = new RoIAlignOpsPooler(Stride2, Size, samplingRatio, aligned).Forward([x], BoxesPerImage(DType.Float32));
        var native = new RoIAlignPooler(Stride2, Size, samplingRatio, aligned).Forward([x], BoxesPerImage(DType.Float32));
        (ops - native).Abs().Max().ToDouble().Should().BeLessThan(1e-5);
    }

    [Fact]
    public void Empty_box_lists_give_an_empty_output_and_zero_gradient()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Ones([1, 2, 6, 6], requiresGrad: true);
        var y = new RoIAlignOpsPooler(new RoIFeatureExtractorContext([new ShapeSpec(2, 1)]), 7).Forward([x], [new Boxes(Torch.Zeros([0, 4]))]);
        y.Shape.Should().Equal(0, 2, 7, 7);
        y.Sum().Backward();
        x.Grad!.Abs().Sum().ToDouble().Should().Be(0);
    }

    private static RoIFeatureExtractorContext Stride2 => new([new ShapeSpec(3, 2)]);

    private static Tensor Input(DType dtype) =>
        (Torch.Arange(0L, 2 * 3 * 10 * 12, 1L, DType.Float64).Reshape(2, 3, 10, 12) * 0.37).Sin().To(dtype);

    private static IReadOnlyList<Boxes> BoxesPerImage(DType dtype)
    {
        var rois = Torch.From(Rois, 6, 5).To(dtype);
        return [new Boxes(rois.Narrow(0, 0, 3).Narrow(1, 1, 4)), new Boxes(rois.Narrow(0, 3, 3).Narrow(1, 1, 4))];
    }

    private static void AssertClose(double[] actual, JsonElement expected, double tolerance)
    {
        var e = expected.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        actual.Length.Should().Be(e.Length);
        for (var i = 0; i < e.Length; i++)
            actual[i].Should().BeApproximately(e[i], tolerance * Math.Max(1, Math.Abs(e[i])), $"element {i}");
    }
}
