using Panoptic.Abstractions.Modeling;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling.Segmentation;

/// <summary>
/// The semantic-segmentation head (detectron2 <c>SEM_SEG_HEAD</c>, Panoptic FPN): backbone features to per-pixel class
/// logits at a common stride, its loss, and the logits at input resolution. With Panoptic FPN's "separated" labels
/// class 0 is "things" (every thing pixel) and classes 1..S are stuff.
/// </summary>
public interface ISemanticHead : IModelComponent
{
    /// <summary>Stride s of <see cref="Forward"/>'s logits relative to the input image (4 for Panoptic FPN).</summary>
    int CommonStride { get; }

    /// <summary>Number K of semantic classes predicted.</summary>
    int NumClasses { get; }

    /// <summary>Target label of pixels without a class (void, crowd, batch padding): they do not count in the loss.</summary>
    int IgnoreValue { get; }

    /// <summary>Per-pixel class logits at <see cref="CommonStride"/>.</summary>
    /// <param name="features">Backbone features by name, each (N, C_f, H / s_f, W / s_f); H and W divisible by the largest s_f.</param>
    /// <returns>(N, K, H / s, W / s) logits, s = <see cref="CommonStride"/>, K = <see cref="NumClasses"/>.</returns>
    Tensor Forward(IReadOnlyDictionary<string, Tensor> features);

    /// <summary>The head's losses, already multiplied by its loss weight (detectron2 <c>loss_sem_seg</c>).</summary>
    /// <param name="logits">(N, K, H / s, W / s) from <see cref="Forward"/>.</param>
    /// <param name="targets">(N, H, W) int64 labels of the padded batch in 0..K-1, <see cref="IgnoreValue"/> where unlabelled.</param>
    /// <returns>Named scalar losses.</returns>
    IReadOnlyDictionary<string, Tensor> Losses(Tensor logits, Tensor targets);

    /// <summary>The logits at the padded input's resolution (detectron2's inference output, before <c>sem_seg_postprocess</c>).</summary>
    /// <param name="logits">(N, K, H / s, W / s) from <see cref="Forward"/>.</param>
    /// <returns>(N, K, H, W) logits.</returns>
    Tensor Predict(Tensor logits);
}
