using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Torch;
using Panoptic.Torch.Vision;

namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

using Torch = Panoptic.Torch.Torch;

/// <summary>How proposals are picked from the RPN's predictions (one setting for training, one for test).</summary>
/// <param name="PreNmsTopk">Highest-scoring anchors kept per level and image before NMS.</param>
/// <param name="PostNmsTopk">Proposals kept after NMS (per image or per batch).</param>
/// <param name="Scope">Whether <paramref name="PostNmsTopk"/> is per image or per batch.</param>
/// <param name="NmsThreshold">IoU above which a lower-scoring proposal of the same level is suppressed.</param>
/// <param name="MinSize">Proposals narrower or lower than this are dropped; 0 drops empty ones.</param>
/// <param name="Score">What NMS and the top-k rank by.</param>
public sealed record ProposalSettings(int PreNmsTopk, int PostNmsTopk, PostNmsTopkScope Scope, double NmsThreshold, double MinSize, ObjectnessScore Score);

/// <summary>
/// Picks proposals from the RPN's predictions (detectron2 <c>find_top_rpn_proposals</c>, torchvision
/// <c>filter_proposals</c>): per level the top-k anchors by logit; their boxes decoded; per image clipped to the
/// image, small ones dropped, NMS within each level, then the top-k after NMS.
/// </summary>
public static class ProposalSelection
{
    /// <param name="anchors">Per level (A_l, 4).</param>
    /// <param name="logits">Per level (N, A_l) objectness logits.</param>
    /// <param name="deltas">Per level (N, A_l, 4) anchor deltas.</param>
    /// <param name="imageSizes">(height, width) of each image before padding.</param>
    /// <param name="coder">The anchor box transform.</param>
    /// <param name="settings">Top-k, NMS and size settings.</param>
    /// <returns>Per image <c>proposal_boxes</c> (R_i, 4) and <c>objectness_logits</c> (R_i,), by decreasing score.</returns>
    public static IReadOnlyList<Instances> Select(IReadOnlyList<Tensor> anchors, IReadOnlyList<Tensor> logits, IReadOnlyList<Tensor> deltas,
        IReadOnlyList<(int Height, int Width)> imageSizes, BoxCoder coder, ProposalSettings settings)
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var images = imageSizes.Count;
        var boxes = new List<Tensor>();
        var scores = new List<Tensor>();
        var levels = new List<Tensor>();
        for (var level = 0; level < anchors.Count; level++)
        {
            var count = Math.Min(settings.PreNmsTopk, anchors[level].Size(0));
            var (topLogits, topIndex) = logits[level].Topk(count, 1);
            var topDeltas = deltas[level].Gather(1, topIndex.Unsqueeze(2).Expand(images, count, 4));
            var topAnchors = anchors[level].IndexSelect(0, topIndex.Reshape(-1));
            boxes.Add(coder.Decode(topDeltas.Reshape(-1, 4), topAnchors).View(images, count, 4));
            scores.Add(topLogits);
            levels.Add(Torch.Full([count], level, DType.Int64, topLogits.Device));
        }
        var allBoxes = Torch.Cat(boxes, 1);
        var allScores = Torch.Cat(scores, 1);
        var allLevels = Torch.Cat(levels, 0);
        var kept = new List<(Tensor Boxes, Tensor Logits, Tensor Rank)>(images);
        for (var i = 0; i < images; i++)
            kept.Add(FilterImage(allBoxes[i], allScores[i], allLevels, imageSizes[i], settings));
        var selected = settings.Scope == PostNmsTopkScope.PerBatch ? TopOfBatch(kept, settings.PostNmsTopk) : kept.Select(k => TopOfImage(k, settings.PostNmsTopk)).ToList();
        var proposals = new List<Instances>(images);
        for (var i = 0; i < images; i++)
        {
            var (h, w) = imageSizes[i];
            proposals.Add(new Instances(h, w)
                .Set(InstanceFields.ProposalBoxes, new Boxes(scope.MoveToOuter(selected[i].Boxes)))
                .Set(InstanceFields.ObjectnessLogits, scope.MoveToOuter(selected[i].Logits)));
        }
        return proposals;
    }

    /// <summary>One image: clip, drop small and non-finite boxes, NMS per level; sorted by decreasing rank score.</summary>
    private static (Tensor Boxes, Tensor Logits, Tensor Rank) FilterImage(Tensor boxes, Tensor logits, Tensor levels, (int Height, int Width) size, ProposalSettings settings)
    {
        var finite = boxes.IsFinite().All(1) & logits.IsFinite();
        if (!finite.All().ToBoolean())
            (boxes, logits, levels) = (boxes.Index(finite), logits.Index(finite), levels.Index(finite));
        boxes = BoxOps.Clip(boxes, size.Height, size.Width);
        var keep = BoxOps.SizeAtLeast(boxes, settings.MinSize).Nonzero().Squeeze(1);
        (boxes, logits, levels) = (boxes.IndexSelect(0, keep), logits.IndexSelect(0, keep), levels.IndexSelect(0, keep));
        var rank = settings.Score == ObjectnessScore.Probability ? logits.Sigmoid() : logits;
        var survivors = Ops.BatchedNms(boxes, rank, levels, settings.NmsThreshold);
        return (boxes.IndexSelect(0, survivors), logits.IndexSelect(0, survivors), rank.IndexSelect(0, survivors));
    }

    private static (Tensor Boxes, Tensor Logits) TopOfImage((Tensor Boxes, Tensor Logits, Tensor Rank) image, int k)
    {
        var count = Math.Min(k, image.Boxes.Size(0));
        return (image.Boxes.Narrow(0, 0, count), image.Logits.Narrow(0, 0, count));
    }

    /// <summary>The k best proposals over all images, each image keeping its order (Detectron's per-batch top-k).</summary>
    private static List<(Tensor Boxes, Tensor Logits)> TopOfBatch(List<(Tensor Boxes, Tensor Logits, Tensor Rank)> images, int k)
    {
        var ranks = Torch.Cat(images.Select(i => i.Rank).ToList(), 0);
        if (ranks.Size(0) <= k)
            return images.Select(i => (i.Boxes, i.Logits)).ToList();
        var chosen = Torch.ZerosLike(ranks).Bool();
        chosen.IndexPut_([TensorIndex.Of(ranks.Topk(k).Indices)], true);
        var result = new List<(Tensor Boxes, Tensor Logits)>(images.Count);
        long offset = 0;
        foreach (var image in images)
        {
            var count = image.Boxes.Size(0);
            var keep = chosen.Narrow(0, offset, count);
            result.Add((image.Boxes.Index(keep), image.Logits.Index(keep)));
            offset += count;
        }
        return result;
    }
}
