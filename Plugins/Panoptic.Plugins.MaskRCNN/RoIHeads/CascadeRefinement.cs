using Panoptic.Modeling.Geometry;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// The boxes a cascade stage hands to the next (detectron2 <c>CascadeROIHeads._create_proposals_from_boxes</c>): the
/// stage's class-agnostic deltas applied to the boxes it ran on, detached (no gradient flows between stages, as from
/// the RPN), clipped to the image; in training empty boxes are dropped, at test all are kept so the stages' scores stay
/// aligned row for row.
/// </summary>
public static class CascadeRefinement
{
    /// <param name="deltas">(ΣR_i, 4) class-agnostic deltas of the stage.</param>
    /// <param name="boxes">Per image (R_i, 4) boxes the stage ran on.</param>
    /// <param name="coder">The stage's box transform.</param>
    /// <param name="imageSizes">Per image (height, width) to clip to.</param>
    /// <param name="dropEmpty">Drop boxes of zero width or height (training).</param>
    /// <returns>Per image (R'_i, 4) float32 boxes without gradient; R'_i = R_i unless <paramref name="dropEmpty"/>.</returns>
    public static IReadOnlyList<Tensor> Next(Tensor deltas, IReadOnlyList<Tensor> boxes, BoxCoder coder,
        IReadOnlyList<(int Height, int Width)> imageSizes, bool dropEmpty)
    {
        if (deltas.Size(1) != 4)
            throw new ArgumentException($"cascade stages regress class-agnostic boxes: expected (R, 4) deltas, got ({deltas.Size(0)}, {deltas.Size(1)})", nameof(deltas));
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var decoded = coder.Decode(deltas.Detach(), Torch.Cat(boxes, 0));
        var next = new List<Tensor>(boxes.Count);
        long start = 0;
        for (var i = 0; i < boxes.Count; i++)
        {
            var count = boxes[i].Size(0);
            var clipped = BoxOps.Clip(decoded.Narrow(0, start, count), imageSizes[i].Height, imageSizes[i].Width);
            next.Add(scope.MoveToOuter(dropEmpty ? clipped.IndexSelect(0, BoxOps.SizeAtLeast(clipped, 0).Nonzero().Squeeze(1)) : clipped));
            start += count;
        }
        return next;
    }
}
