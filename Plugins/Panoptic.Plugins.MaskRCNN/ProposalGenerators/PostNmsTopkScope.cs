namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

/// <summary>Where the post-NMS top-k applies.</summary>
public enum PostNmsTopkScope
{
    /// <summary>Each image keeps its own top k (detectron2, torchvision).</summary>
    PerImage,

    /// <summary>The batch keeps its top k over all images together (Detectron's FPN training setting).</summary>
    PerBatch,
}
