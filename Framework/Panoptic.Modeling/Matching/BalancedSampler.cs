using Panoptic.Torch;

namespace Panoptic.Modeling.Matching;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Samples a fixed number of labelled predictions with a target fraction of positives, uniformly at random from the
/// global generator (detectron2 <c>subsample_labels</c>, torchvision <c>BalancedPositiveNegativeSampler</c>).
/// </summary>
public static class BalancedSampler
{
    /// <param name="labels">(N,) int64: −1 ignored, <paramref name="backgroundLabel"/> negative, anything else positive.</param>
    /// <param name="numSamples">Total to sample (fewer when there are not enough).</param>
    /// <param name="positiveFraction">At most this fraction of <paramref name="numSamples"/> are positives; negatives fill the rest.</param>
    /// <param name="backgroundLabel">The negative label (0 for the RPN, the class count for RoI heads).</param>
    /// <returns>(P,) and (Q,) int64 indices of the sampled positives and negatives.</returns>
    public static (Tensor Positive, Tensor Negative) Sample(Tensor labels, int numSamples, double positiveFraction, long backgroundLabel)
    {
        using var scope = Torch.NewDisposeScope();
        var positive = (labels.Ne(-1) & labels.Ne(backgroundLabel)).Nonzero().Squeeze(1);
        var negative = labels.Eq(backgroundLabel).Nonzero().Squeeze(1);
        var numPositive = Math.Min(positive.Size(0), (long)(numSamples * positiveFraction));
        var numNegative = Math.Min(negative.Size(0), numSamples - numPositive);
        var pickedPositive = positive.IndexSelect(0, Torch.Randperm(positive.Size(0), device: labels.Device).Narrow(0, 0, numPositive));
        var pickedNegative = negative.IndexSelect(0, Torch.Randperm(negative.Size(0), device: labels.Device).Narrow(0, 0, numNegative));
        return (scope.MoveToOuter(pickedPositive), scope.MoveToOuter(pickedNegative));
    }
}
