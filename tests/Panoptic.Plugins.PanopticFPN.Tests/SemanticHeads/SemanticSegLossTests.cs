using Panoptic.Plugins.PanopticFPN.SemanticHeads;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Tests.SemanticHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>The semantic loss against hand computations.</summary>
public sealed class SemanticSegLossTests
{
    [Fact]
    public void At_stride_1_the_loss_is_the_mean_cross_entropy_over_labelled_pixels_times_the_weight()
    {
        using var scope = Torch.NewDisposeScope();
        // (1, 3, 2, 2) logits; pixel (1, 0) is ignored.
        double[][] pixelLogits = [[2.0, -1.0, 0.5], [0.0, 0.3, 1.2], [5.0, 5.0, 5.0], [-2.0, 1.0, 0.0]];
        long[] labels = [0, 2, 255, 1];
        var logits = Torch.From(Enumerable.Range(0, 3).SelectMany(k => pixelLogits.Select(p => (float)p[k])).ToArray(), 1, 3, 2, 2);
        var targets = Torch.From(labels, 1, 2, 2);

        var loss = SemanticSegLoss.Compute(logits, targets, commonStride: 1, ignoreValue: 255, lossWeight: 0.5);

        var expected = 0.5 * new[] { 0, 1, 3 }.Average(p => -LogSoftmax(pixelLogits[p], (int)labels[p]));
        loss.ToDouble().Should().BeApproximately(expected, 1e-6);
    }

    [Fact]
    public void At_stride_4_the_logits_are_upsampled_to_the_targets_before_the_cross_entropy()
    {
        using var scope = Torch.NewDisposeScope();
        // Constant logits per class: bilinear upsampling keeps them, so every target pixel sees the same distribution.
        double[] perClass = [0.2, -0.7, 1.1];
        var logits = Torch.From(perClass.Select(v => (float)v).ToArray(), 1, 3, 1, 1).Expand(2, 3, 2, 3).Contiguous();
        var targets = Torch.Randint(0, 3, [2, 8, 12]);
        targets.IndexPut_([TensorIndex.Colon, TensorIndex.Slice(0, 2)], 255);
        var labelled = targets.ToArray<long>().Where(t => t != 255).ToList();

        var loss = SemanticSegLoss.Compute(logits, targets, commonStride: 4, ignoreValue: 255);

        loss.ToDouble().Should().BeApproximately(labelled.Average(t => -LogSoftmax(perClass, (int)t)), 1e-6);
    }

    [Fact]
    public void An_image_of_ignored_pixels_only_gives_zero_with_a_gradient_instead_of_nan()
    {
        using var scope = Torch.NewDisposeScope();
        var logits = Torch.Randn([1, 3, 2, 2], requiresGrad: true);
        var targets = Torch.Full([1, 8, 8], 255L, DType.Int64);

        var loss = SemanticSegLoss.Compute(logits, targets, commonStride: 4, ignoreValue: 255);
        loss.Backward();

        loss.ToDouble().Should().Be(0);
        logits.Grad!.Abs().Max().ToDouble().Should().Be(0);
    }

    [Fact]
    public void Targets_of_another_size_are_an_error_naming_both_shapes()
    {
        using var scope = Torch.NewDisposeScope();
        var act = () => SemanticSegLoss.Compute(Torch.Zeros([2, 3, 4, 4]), Torch.Zeros([2, 15, 16], DType.Int64), 4, 255);

        act.Should().Throw<ArgumentException>().WithMessage(
            "semantic targets have shape [2, 15, 16]; logits [2, 3, 4, 4] at stride 4 need [2, 16, 16] (pad targets with ignore_value 255)*");
    }

    private static double LogSoftmax(double[] logits, int label)
    {
        var max = logits.Max();
        return logits[label] - max - Math.Log(logits.Sum(v => Math.Exp(v - max)));
    }
}
