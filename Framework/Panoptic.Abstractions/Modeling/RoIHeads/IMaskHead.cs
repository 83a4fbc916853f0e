using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling.RoIHeads;

/// <summary>The mask head (detectron2 <c>ROI_MASK_HEAD</c>): pooled region features to mask logits.</summary>
public interface IMaskHead : IModelComponent
{
    /// <param name="x">(R, C, S, S) float32 pooled features of the regions.</param>
    /// <returns>(R, K, M, M) float32 mask logits, K = number of classes (1 when class-agnostic), M = 2S for the deconvolution head.</returns>
    Tensor Forward(Tensor x);
}
