using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.MaskRCNN.MetaArchitectures;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Semantic labels of a batch laid out like its images (detectron2 <c>ImageList.from_tensors(gt_sem_seg, …,
/// pad_value=ignore_value)</c>): each image's labels resized (nearest) to its size in the batch when the model resized
/// it, then padded with the ignore value to the padded batch size.
/// </summary>
public static class SemanticTargets
{
    /// <param name="batch">Inputs carrying <see cref="ModelInput.SemanticSegmentation"/> (H_i, W_i) int64 at their image's size.</param>
    /// <param name="images">The preprocessed batch (N, C, H, W) with each image's size in it.</param>
    /// <param name="ignoreValue">Label of padding pixels.</param>
    /// <returns>(N, H, W) int64 labels on the images' device.</returns>
    public static Tensor Batch(IReadOnlyList<ModelInput> batch, ImageList images, int ignoreValue)
    {
        using var scope = Torch.NewDisposeScope();
        var (height, width) = (images.Tensor.Size(2), images.Tensor.Size(3));
        var padded = new List<Tensor>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var labels = batch[i].SemanticSegmentation
                ?? throw new ArgumentException($"training PanopticFPN needs semantic labels: input {i} has no SemanticSegmentation");
            if (labels.Dim != 2)
                throw new ArgumentException($"SemanticSegmentation of input {i} must be (H, W), got [{string.Join(", ", labels.Shape)}]");
            var (h, w) = images.ImageSizes[i];
            labels = labels.To(DType.Int64).To(images.Tensor.Device);
            if (labels.Size(0) != h || labels.Size(1) != w)
                labels = F.Interpolate(labels.To(DType.Float32).Unsqueeze(0).Unsqueeze(0), size: (h, w)).Squeeze(0).Squeeze(0).To(DType.Int64);
            padded.Add(F.Pad(labels, [0, width - w, 0, height - h], ignoreValue));
        }
        return scope.MoveToOuter(Torch.Stack(padded, 0));
    }
}
