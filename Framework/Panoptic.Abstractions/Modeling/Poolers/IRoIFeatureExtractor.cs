using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling.Poolers;

/// <summary>Pools a fixed-size feature for each box from a feature pyramid (RoIAlign; detectron2 <c>ROIPooler</c>).</summary>
public interface IRoIFeatureExtractor : IModelComponent
{
    /// <summary>Output side S of the pooled features.</summary>
    int OutputSize { get; }

    /// <summary>Pooled features of every box, images concatenated in order.</summary>
    /// <param name="features">Pyramid levels, each (N, C, H_l, W_l), in the order of the context's input shapes.</param>
    /// <param name="boxes">Per image, (R_i, 4) float32 x0, y0, x1, y1 in input-image pixels.</param>
    /// <returns>(ΣR_i, C, S, S) float32.</returns>
    Tensor Forward(IReadOnlyList<Tensor> features, IReadOnlyList<Boxes> boxes);
}
