namespace Panoptic.Plugins.MaskRCNN.Modeling;

/// <summary>Box-regression loss (detectron2 <c>BBOX_REG_LOSS_TYPE</c>).</summary>
public enum BoxRegressionLoss
{
    /// <summary>Smooth L1 with <c>smooth_l1_beta</c> (β = 0 is plain L1).</summary>
    SmoothL1,
    Giou,
    Diou,
    Ciou,
}
