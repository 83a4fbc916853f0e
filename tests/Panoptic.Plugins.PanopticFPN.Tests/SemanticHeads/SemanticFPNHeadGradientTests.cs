using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.PanopticFPN.SemanticHeads;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Tests.SemanticHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>The head's analytic gradients (autograd through conv, GN, ReLU, bilinear upsampling, CE) against central differences in float64.</summary>
public sealed class SemanticFPNHeadGradientTests
{
    private const double Step = 1e-6;

    [Fact]
    public void Loss_gradients_of_parameters_and_features_match_central_differences()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(17);
        var shapes = new Dictionary<string, ShapeSpec> { ["p2"] = new(3, 4), ["p3"] = new(3, 8), ["p4"] = new(3, 16) };
        using var head = new SemanticFPNHead(shapes, ["p2", "p3", "p4"], numClasses: 3, convDims: 32, lossWeight: 0.5);
        head.To(Device.Cpu, DType.Float64);
        using (Torch.NoGrad())
        {
            foreach (var (name, p) in head.NamedParameters().Where(p => p.Key.Contains("norm") || p.Key.EndsWith("bias")))
                p.Copy_(Torch.Randn(p.Shape, DType.Float64) * 0.3 + (name.EndsWith("norm.weight") ? 1.0 : 0.0));
        }
        var features = new Dictionary<string, Tensor>
        {
            ["p2"] = Torch.Randn([1, 3, 4, 4], DType.Float64, requiresGrad: true),
            ["p3"] = Torch.Randn([1, 3, 2, 2], DType.Float64, requiresGrad: true),
            ["p4"] = Torch.Randn([1, 3, 1, 1], DType.Float64, requiresGrad: true),
        };
        var targets = Torch.Randint(0, 3, [1, 16, 16]);
        targets.IndexPut_([TensorIndex.Colon, TensorIndex.Slice(0, 3)], 255);
        double Loss() => head.Losses(head.Forward(features), targets)["loss_sem_seg"].ToDouble();

        head.Losses(head.Forward(features), targets)["loss_sem_seg"].Backward();

        var checkedEntries = 0;
        var tensors = head.NamedParameters().Select(p => (p.Key, (Tensor)p.Value)).Concat(features.Select(f => ("input." + f.Key, f.Value)));
        foreach (var (name, tensor) in tensors)
        {
            var analytic = tensor.Grad!.Flatten().ToArray<double>();
            var flat = tensor.Detach().View(-1);
            foreach (var index in new[] { 0L, flat.Numel / 2, flat.Numel - 1 }.Distinct())
            {
                var numeric = CentralDifference(flat, index, Loss);
                numeric.Should().BeApproximately(analytic[index], 1e-6 + 1e-5 * Math.Abs(numeric), $"{name}[{index}]");
                checkedEntries++;
            }
        }
        checkedEntries.Should().BeGreaterThan(40);
    }

    private static double CentralDifference(Tensor flat, long index, Func<double> loss)
    {
        using var scope = Torch.NewDisposeScope();
        var original = flat[index].ToDouble();
        using var noGrad = Torch.NoGrad();
        flat[index].Fill_(original + Step);
        var plus = loss();
        flat[index].Fill_(original - Step);
        var minus = loss();
        flat[index].Fill_(original);
        return (plus - minus) / (2 * Step);
    }
}
