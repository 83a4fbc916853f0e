namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>How the mask branch is trained.</summary>
/// <param name="LossType">Per-class sigmoid or softmax over classes.</param>
/// <param name="LossWeight">Weight of <c>loss_mask</c>.</param>
/// <param name="TargetAligned">Crop targets with half-pixel-aligned RoIAlign.</param>
/// <param name="TargetBinarize">Threshold targets at 0.5.</param>
public sealed record MaskBranchSettings(MaskLossType LossType, double LossWeight, bool TargetAligned, bool TargetBinarize);
