namespace Panoptic.Plugins.MaskRCNN.ProposalGenerators;

/// <summary>The score proposals are ranked by in NMS and the post-NMS top-k.</summary>
public enum ObjectnessScore
{
    /// <summary>The logit (detectron2).</summary>
    Logit,

    /// <summary>sigmoid(logit) in float32 (torchvision): saturated probabilities tie, and ties keep index order.</summary>
    Probability,
}
