using Panoptic.Abstractions.Data;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling;

/// <summary>A whole model (detectron2 meta-architecture: <c>GeneralizedRCNN</c>, <c>PanopticFPN</c>): images in, losses or predictions out.</summary>
public interface IMetaArchitecture : IModelComponent
{
    /// <summary>Training step: the named scalar losses for a batch with ground truth.</summary>
    IReadOnlyDictionary<string, Tensor> Losses(IReadOnlyList<ModelInput> batch);

    /// <summary>Predictions for a batch, at each input's Height×Width.</summary>
    IReadOnlyList<ModelOutput> Inference(IReadOnlyList<ModelInput> batch);
}
