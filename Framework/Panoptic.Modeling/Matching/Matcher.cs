using Panoptic.Torch;

namespace Panoptic.Modeling.Matching;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Assigns each prediction (anchor, proposal) to the ground truth it overlaps most and labels it by IoU interval
/// (detectron2 <c>modeling/matcher.py</c>; torchvision <c>det_utils.Matcher</c> gives the same result).
/// </summary>
public sealed class Matcher
{
    /// <param name="thresholds">Increasing IoU thresholds; interval i is [thresholds[i−1], thresholds[i]) with −∞, +∞ at the ends.</param>
    /// <param name="labels">One label per interval: 1 positive, 0 negative, −1 ignored.</param>
    /// <param name="allowLowQualityMatches">Also make positive each ground truth's best predictions (ties included) whatever their IoU.</param>
    public Matcher(IReadOnlyList<double> thresholds, IReadOnlyList<int> labels, bool allowLowQualityMatches)
    {
        if (labels.Count != thresholds.Count + 1)
            throw new ArgumentException($"{thresholds.Count} thresholds need {thresholds.Count + 1} labels, got {labels.Count}", nameof(labels));
        for (var i = 1; i < thresholds.Count; i++)
        {
            if (thresholds[i] < thresholds[i - 1])
                throw new ArgumentException($"thresholds must not decrease: {thresholds[i - 1]} then {thresholds[i]}", nameof(thresholds));
        }
        if (labels.Any(l => l is < -1 or > 1))
            throw new ArgumentException($"labels must be -1, 0 or 1, got [{string.Join(", ", labels)}]", nameof(labels));
        Thresholds = thresholds;
        Labels = labels;
        AllowLowQualityMatches = allowLowQualityMatches;
    }

    public IReadOnlyList<double> Thresholds { get; }

    public IReadOnlyList<int> Labels { get; }

    public bool AllowLowQualityMatches { get; }

    /// <summary>Matches predictions to ground truth.</summary>
    /// <param name="quality">(G, N) IoU of each ground truth with each prediction.</param>
    /// <returns>(N,) int64 index of the matched ground truth (0 when there is none) and (N,) int64 label.</returns>
    public (Tensor Matches, Tensor Labels) Match(Tensor quality)
    {
        using var scope = Torch.NewDisposeScope();
        var count = quality.Size(1);
        if (quality.Size(0) == 0)
        {
            var none = Torch.Zeros([count], DType.Int64, quality.Device);
            var all = Torch.Full([count], Labels[0], DType.Int64, quality.Device);
            return (scope.MoveToOuter(none), scope.MoveToOuter(all));
        }
        var (values, matches) = quality.Max(0);
        var labels = Torch.Full([count], Labels[^1], DType.Int64, quality.Device);
        for (var i = 0; i < Thresholds.Count; i++)
        {
            // Interval i lies below thresholds[i]; later (higher) intervals overwrite nothing below them.
            var below = values < Thresholds[i];
            if (i > 0)
                below = below & values.Ge(Thresholds[i - 1]);
            labels.MaskedFill_(below, Labels[i]);
        }
        if (AllowLowQualityMatches)
        {
            var (best, _) = quality.Max(1, keepdim: true);
            var isBest = quality.Eq(best).Any(0);
            labels.MaskedFill_(isBest, 1);
        }
        return (scope.MoveToOuter(matches), scope.MoveToOuter(labels));
    }
}
