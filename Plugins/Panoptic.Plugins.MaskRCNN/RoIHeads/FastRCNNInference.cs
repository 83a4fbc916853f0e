using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Torch;
using Panoptic.Torch.Vision;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Detections from the box branch (detectron2 <c>fast_rcnn_inference</c>, torchvision <c>postprocess_detections</c>):
/// class probabilities by softmax, boxes decoded per class and clipped to the image; every (proposal, class) pair
/// scoring above the threshold, proposal-major, is a candidate; optionally tiny boxes are dropped; per-class NMS; the
/// best detections are kept.
/// </summary>
public static class FastRCNNInference
{
    /// <param name="scores">(R, K + 1) class logits of all images' proposals, background last.</param>
    /// <param name="deltas">(R, 4·K) or (R, 4) deltas.</param>
    /// <param name="proposals">Per image (R_i, 4) proposal boxes (ΣR_i = R).</param>
    /// <param name="imageSizes">Per image (height, width) to clip to.</param>
    /// <param name="coder">The proposal box transform.</param>
    /// <param name="settings">Score threshold, NMS, detections per image, minimum size.</param>
    /// <returns>Per image <c>pred_boxes</c>, <c>scores</c>, <c>pred_classes</c> (int64 in [0, K)), by decreasing score.</returns>
    public static IReadOnlyList<Instances> Run(Tensor scores, Tensor deltas, IReadOnlyList<Tensor> proposals,
        IReadOnlyList<(int Height, int Width)> imageSizes, BoxCoder coder, FastRCNNSettings settings) =>
        Run([scores], deltas, proposals, imageSizes, coder, settings);

    /// <summary>
    /// Detections of a cascade (detectron2 <c>CascadeROIHeads._forward_box</c> at test): the class probabilities are the
    /// mean of the stages' softmax probabilities, the boxes the last stage's deltas applied to the boxes it ran on.
    /// </summary>
    /// <param name="stageScores">Per stage (R, K + 1) class logits of the same R boxes, background last; one entry: plain Fast R-CNN.</param>
    /// <param name="deltas">(R, 4·K) or (R, 4) deltas of the last stage.</param>
    /// <param name="proposals">Per image (R_i, 4) boxes the last stage ran on (ΣR_i = R).</param>
    /// <param name="imageSizes">Per image (height, width) to clip to.</param>
    /// <param name="coder">The last stage's box transform.</param>
    /// <param name="settings">Score threshold, NMS, detections per image, minimum size.</param>
    /// <returns>Per image <c>pred_boxes</c>, <c>scores</c> (averaged probabilities), <c>pred_classes</c>, by decreasing score.</returns>
    public static IReadOnlyList<Instances> Run(IReadOnlyList<Tensor> stageScores, Tensor deltas, IReadOnlyList<Tensor> proposals,
        IReadOnlyList<(int Height, int Width)> imageSizes, BoxCoder coder, FastRCNNSettings settings)
    {
        if (stageScores.Count == 0)
            throw new ArgumentException("at least one stage's scores are needed", nameof(stageScores));
        using var scope = Torch.NewDisposeScope();
        var probabilities = stageScores.Count == 1
            ? stageScores[0].Softmax(-1)
            : stageScores.Select(s => s.Softmax(-1)).Aggregate((sum, p) => sum + p) * (1.0 / stageScores.Count);
        var boxes = coder.Decode(deltas, Torch.Cat(proposals, 0));
        var results = new List<Instances>(proposals.Count);
        long start = 0;
        for (var i = 0; i < proposals.Count; i++)
        {
            var count = proposals[i].Size(0);
            var (height, width) = imageSizes[i];
            var (imageBoxes, imageScores, classes) = Detect(boxes.Narrow(0, start, count), probabilities.Narrow(0, start, count), height, width, settings);
            results.Add(new Instances(height, width)
                .Set(InstanceFields.PredBoxes, new Boxes(scope.MoveToOuter(imageBoxes)))
                .Set(InstanceFields.Scores, scope.MoveToOuter(imageScores))
                .Set(InstanceFields.PredClasses, scope.MoveToOuter(classes)));
            start += count;
        }
        return results;
    }

    private static (Tensor Boxes, Tensor Scores, Tensor Classes) Detect(Tensor boxes, Tensor probabilities, long height, long width, FastRCNNSettings settings)
    {
        var numClasses = probabilities.Size(1) - 1;
        var classScores = probabilities.Narrow(1, 0, numClasses);
        var clipped = BoxOps.Clip(boxes, height, width).View(boxes.Size(0), -1, 4);
        var candidates = classScores.Gt(settings.ScoreThreshold).Nonzero();
        var proposal = candidates.Select(1, 0);
        var classes = candidates.Select(1, 1);
        var candidateBoxes = clipped.Size(1) == 1
            ? clipped.Select(1, 0).IndexSelect(0, proposal)
            : clipped.Index(proposal, classes);
        var candidateScores = classScores.Index(proposal, classes);
        if (settings.MinBoxSize is { } minSize)
        {
            var keep = BoxOps.SizeAtLeast(candidateBoxes, minSize).Nonzero().Squeeze(1);
            (candidateBoxes, candidateScores, classes) = (candidateBoxes.IndexSelect(0, keep), candidateScores.IndexSelect(0, keep), classes.IndexSelect(0, keep));
        }
        var survivors = Ops.BatchedNms(candidateBoxes, candidateScores, classes, settings.NmsThreshold);
        survivors = survivors.Narrow(0, 0, Math.Min(settings.DetectionsPerImage, survivors.Size(0)));
        return (candidateBoxes.IndexSelect(0, survivors), candidateScores.IndexSelect(0, survivors), classes.IndexSelect(0, survivors));
    }
}
