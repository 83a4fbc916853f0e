using Panoptic.Plugins.MaskRCNN.RoIHeads;
using Panoptic.Plugins.MaskRCNN.Tests.Support;
using Panoptic.Torch;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.MaskRCNN.Tests.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// detectron2's <c>_ScaleGradient</c>: the stages' losses are summed, but the gradient each sends into the shared pooled
/// features is divided by the number of stages, while each stage's own head gets its full gradient.
/// </summary>
public sealed class CascadeGradientScaleTests
{
    [Fact]
    public void Gradient_scale_is_the_identity_forward_and_scales_backward()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.From([1.5f, -2.25f, 3.0e-8f, 1234.5f], 4).RequiresGrad_();
        var y = GradientScale.Apply(x, 1.0 / 3);
        y.ToArray<float>().Should().Equal(1.5f, -2.25f, 3.0e-8f, 1234.5f);
        (y * y).Sum().Backward();
        using var grad = x.Grad!;
        grad.ToArray<float>().Should().Equal([3.0f / 3, -4.5f / 3, 6.0e-8f / 3, 2469.0f / 3], (a, b) => Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Abs(b)));
    }

    /// <summary>
    /// In training, Σ_k loss_k(stage k on P) sends into the pooled features P exactly (Σ_k ∂loss_k/∂P) / 3, the stage
    /// gradients taken without scaling (each stage's head and predictor run directly on a copy of P); the heads'
    /// parameter gradients are the unscaled ones.
    /// </summary>
    [Fact]
    public void The_pooled_features_get_the_sum_of_stage_gradients_over_the_stage_count()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(5);
        using var heads = TinyCascade.Build(numClasses: 3, [1.0, 1.0, 1.0], zeroPredictors: false);
        heads.Train();
        var pooled = Torch.Randn([6, TinyCascade.Channels, 7, 7]).RequiresGrad_();
        var classes = Torch.From([0L, 1, 2, 3, 1, 0], 6);
        var targets = Torch.Randn([6, 4]);
        Tensor Loss(Tensor scores, Tensor deltas) => F.CrossEntropy(scores, classes) + (deltas - targets).Square().Sum() * 100;

        var total = Enumerable.Range(0, 3).Select(k => heads.Stage(k, pooled)).Select(o => Loss(o.Scores, o.Deltas)).Aggregate((a, b) => a + b);
        total.Backward();
        using var scaled = pooled.Grad!;
        var parameterGrads = heads.Parameters().Select(p => p.Grad!.Clone()).ToList();

        heads.ZeroGrad();
        var sum = Torch.ZerosLike(pooled);
        for (var k = 0; k < 3; k++)
        {
            var copy = pooled.Detach().Clone().RequiresGrad_();
            var (scores, deltas) = heads.BoxPredictors[k].Forward(heads.BoxHeads[k].Forward(copy));
            Loss(scores, deltas).Backward();
            sum = sum + copy.Grad!;
        }

        var expected = (sum / 3).Flatten().ToArray<float>();
        var actual = scaled.Flatten().ToArray<float>();
        expected.Select(Math.Abs).Max().Should().BeGreaterThan(1e-3f, "the stages send real gradients");
        actual.Should().Equal(expected, (a, b) => Math.Abs(a - b) <= 1e-5f * Math.Max(1, Math.Abs(b)));
        var unscaled = heads.Parameters().Select(p => p.Grad!).ToList();
        for (var i = 0; i < unscaled.Count; i++)
            parameterGrads[i].ToArray<float>().Should().Equal(unscaled[i].ToArray<float>(), (a, b) => Math.Abs(a - b) <= 1e-5f * Math.Max(1, Math.Abs(b)));
    }
}
