namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

/// <summary>What the summed RPN losses are divided by.</summary>
public enum RPNLossNormalizer
{
    /// <summary><c>batch_size_per_image</c> × images (detectron2).</summary>
    BatchSize,

    /// <summary>The anchors actually sampled (torchvision: a mean over the sampled anchors).</summary>
    SampledAnchors,
}
