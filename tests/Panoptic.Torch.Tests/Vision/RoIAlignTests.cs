using System.Text.Json;
using Panoptic.Torch.Tests.Support;
using Panoptic.Torch.Vision;

namespace Panoptic.Torch.Tests.Vision;

/// <summary>The native RoIAlign against <c>torchvision.ops.roi_align</c> (forward and backward) and finite differences.</summary>
public class RoIAlignTests
{
    // Rows (batch, x1, y1, x2, y2): inside, partly outside, wholly outside, sub-pixel, whole image, second image.
    private static readonly double[] Rois =
    [
        0, 2.3, 1.1, 15.7, 9.2,
        0, -4.0, -3.0, 6.5, 5.5,
        0, 40.0, 30.0, 55.0, 44.0,
        1, 7.2, 7.3, 7.6, 7.9,
        1, 0.0, 0.0, 23.0, 19.0,
        1, 10.0, 3.0, 30.0, 25.0,
    ];

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
                    y = roi_align(x, rois, (5, 4), spatial_scale=0.5, sampling_ratio=sr, aligned=aligned)
                    w = torch.arange(y.numel(), dtype=dt).reshape(y.shape).cos()
                    (y * w).sum().backward()
                    out[f"{dtype}-{aligned}-{sr}"] = {"y": y.detach().flatten().tolist(), "g": x.grad.flatten().tolist()}
                    x.grad = None
        print(json.dumps(out))
        """;

    private static readonly Lazy<JsonElement> Expected = new(() =>
        JsonDocument.Parse(PythonReference.Run(Reference, JsonSerializer.Serialize(Rois))).RootElement);

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
        var x = (Torch.Arange(0L, 2 * 3 * 10 * 12, 1L, DType.Float64).Reshape(2, 3, 10, 12) * 0.37).Sin().To(dtype).RequiresGrad_();
        var rois = Torch.From(Rois, 6, 5).To(dtype);
        var y = Ops.RoIAlign(x, rois, (5, 4), spatialScale: 0.5, samplingRatio: samplingRatio, aligned: aligned);
        y.Shape.Should().Equal(6, 3, 5, 4);
        var w = Torch.Arange(0L, y.Numel, 1L, dtype).Reshape(y.Shape).Cos();
        (y * w).Sum().Backward();

        var expected = Expected.Value.GetProperty($"{dtype.Name()}-{(aligned ? "True" : "False")}-{samplingRatio}");
        AssertClose(y.Detach().To(DType.Float64).ToArray<double>(), expected.GetProperty("y"), tolerance);
        AssertClose(x.Grad!.To(DType.Float64).ToArray<double>(), expected.GetProperty("g"), tolerance);
    }

    [Fact]
    public void Empty_roi_list_gives_an_empty_output_and_zero_gradient()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Ones([1, 2, 6, 6], requiresGrad: true);
        var y = Ops.RoIAlign(x, Torch.Zeros([0, 5]), (7, 7));
        y.Shape.Should().Equal(0, 2, 7, 7);
        y.Sum().Backward();
        x.Grad!.Abs().Sum().ToDouble().Should().Be(0);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        using var scope = Torch.NewDisposeScope();
        var x = (Torch.Arange(0L, 2 * 3 * 10 * 12, 1L, DType.Float64).Reshape(2, 3, 10, 12) * 0.11).Cos().RequiresGrad_();
        var rois = Torch.From(Rois, 6, 5);
        var w = Torch.Arange(0L, 6 * 3 * 3 * 3, 1L, DType.Float64).Reshape(6, 3, 3, 3).Sin();
        Tensor Loss(Tensor input) => (Ops.RoIAlign(input, rois, (3, 3), 0.5, 2, aligned: true) * w).Sum();
        Loss(x).Backward();
        var analytic = x.Grad!.ToArray<double>();
        var values = x.Detach().ToArray<double>();
        const double eps = 1e-6;
        foreach (var i in new[] { 0, 13, 77, 130, 250, 400, 555, 700 })
        {
            var plus = (double[])values.Clone();
            var minus = (double[])values.Clone();
            plus[i] += eps;
            minus[i] -= eps;
            var numeric = (Loss(Torch.From(plus, 2, 3, 10, 12)).ToDouble() - Loss(Torch.From(minus, 2, 3, 10, 12)).ToDouble()) / (2 * eps);
            analytic[i].Should().BeApproximately(numeric, 1e-6, $"element {i}");
        }
    }

    [Fact]
    public void Bad_inputs_are_TorchExceptions()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Ones([1, 2, 6, 6]);
        ((Action)(() => Ops.RoIAlign(x, Torch.Zeros([3, 4]), (7, 7)))).Should().Throw<TorchException>().WithMessage("*(K, 5)*");
        ((Action)(() => Ops.RoIAlign(x, Torch.Zeros([3, 5], DType.Float64), (7, 7)))).Should().Throw<TorchException>().WithMessage("*Double*");
        ((Action)(() => Ops.RoIAlign(x, Torch.From(new float[] { 3, 0, 0, 1, 1 }, 1, 5), (2, 2)))).Should().Throw<TorchException>()
            .WithMessage("*batch index 3*");
    }

    private static void AssertClose(double[] actual, JsonElement expected, double tolerance)
    {
        var e = expected.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        actual.Length.Should().Be(e.Length);
        for (var i = 0; i < e.Length; i++)
            actual[i].Should().BeApproximately(e[i], tolerance * Math.Max(1, Math.Abs(e[i])), $"element {i}");
    }
}
