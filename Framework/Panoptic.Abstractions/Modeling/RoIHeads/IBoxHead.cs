using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling.RoIHeads;

/// <summary>The box head (detectron2 <c>ROI_BOX_HEAD</c>): pooled region features to one feature vector per region.</summary>
public interface IBoxHead : IModelComponent
{
    /// <summary>Shape of the output: channels = feature length.</summary>
    ShapeSpec OutputShape { get; }

    /// <param name="x">(R, C, S, S) float32 pooled features.</param>
    /// <returns>(R, D) float32 with D = <see cref="OutputShape"/>.Channels.</returns>
    Tensor Forward(Tensor x);
}
