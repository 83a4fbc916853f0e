using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Core.Data.Mapping;

/// <summary>
/// One record after decoding and transforms, ready to batch. Owns its tensors (they belong to no dispose scope,
/// so an example built on a loader thread can be handed to another); dispose it unless it is collated.
/// </summary>
/// <param name="Record">The record it came from.</param>
/// <param name="Image">(C, H, W) float32 in the dataset's image format (0..255 unless a normalising step ran).</param>
/// <param name="Instances">Ground truth in transformed coordinates (<c>gt_boxes</c>, <c>gt_classes</c>, <c>gt_masks</c>), or null.</param>
/// <param name="Semantic">(H, W) int64 semantic labels (255 = ignore), or null.</param>
public sealed record MappedExample(DatasetRecord Record, Tensor Image, Instances? Instances, Tensor? Semantic) : IDisposable
{
    /// <summary>Height after transforms.</summary>
    public int Height => (int)Image.Size(1);

    /// <summary>Width after transforms.</summary>
    public int Width => (int)Image.Size(2);

    public void Dispose()
    {
        Image.Dispose();
        Semantic?.Dispose();
        if (Instances is { } instances)
            DataBatch.DisposeFields(instances);
    }
}
