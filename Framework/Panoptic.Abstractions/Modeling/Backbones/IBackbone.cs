using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling.Backbones;

/// <summary>A feature extractor (ResNet, FPN): named feature maps with known channels and strides.</summary>
public interface IBackbone : IModelComponent
{
    /// <summary>Channels and stride of each output feature (<c>res2</c>…<c>res5</c>, <c>p2</c>…<c>p6</c>).</summary>
    IReadOnlyDictionary<string, ShapeSpec> OutputShapes { get; }

    /// <summary>Input height and width must be multiples of this (32 for FPN); 0 for none.</summary>
    int SizeDivisibility { get; }

    /// <summary>Features by name.</summary>
    /// <param name="images">(N, C, H, W) float32, normalised.</param>
    /// <returns>Each (N, C_f, H / s_f, W / s_f) as in <see cref="OutputShapes"/>.</returns>
    IReadOnlyDictionary<string, Tensor> Forward(Tensor images);
}
