using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling.Segmentation;

/// <summary>The semantic-segmentation head (detectron2 <c>SEM_SEG_HEAD</c>, Panoptic FPN).</summary>
public interface ISemanticHead : IModelComponent
{
    /// <summary>Per-pixel class logits.</summary>
    /// <param name="features">Backbone features by name.</param>
    /// <returns>(N, K, H / s, W / s) float32 logits at the head's common stride s.</returns>
    Tensor Forward(IReadOnlyDictionary<string, Tensor> features);
}
