namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>The mask loss (the Mask R-CNN paper's ablation of Table 2b).</summary>
public enum MaskLossType
{
    /// <summary>Per-pixel sigmoid and binary cross-entropy on the ground-truth class's mask only (Mask R-CNN).</summary>
    Sigmoid,

    /// <summary>
    /// Per-pixel softmax over the classes and background (FCN-style multinomial loss): pixels inside the ground-truth mask
    /// target its class, the others the background, whose logit is fixed at 0.
    /// </summary>
    Softmax,
}
