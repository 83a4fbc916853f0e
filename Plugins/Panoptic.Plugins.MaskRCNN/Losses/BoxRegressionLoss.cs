namespace Panoptic.Plugins.MaskRCNN.Losses;

/// <summary>Box-regression loss (detectron2 <c>BBOX_REG_LOSS_TYPE</c>).</summary>
public enum BoxRegressionLoss
{
    /// <summary>Smooth L1 on the deltas with <c>smooth_l1_beta</c> (β = 0 is plain L1; torchvision uses β = 1/9).</summary>
    SmoothL1,

    /// <summary>Generalised IoU between the decoded and the target boxes.</summary>
    Giou,
}
