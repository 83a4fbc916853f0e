namespace Panoptic.Plugins.MaskRCNN.Checkpoints;

/// <summary>
/// The name mapping from torchvision's <c>maskrcnn_resnet50_fpn</c> state dict (both the 0.14 names, e.g.
/// <c>rpn.head.conv.0.0.weight</c>, and the older ones of the released COCO weights, e.g. <c>rpn.head.conv.weight</c>,
/// <c>mask_fcn1</c>) to GeneralizedRCNN + FPN + ResNet + RPN + StandardROIHeads names. torchvision's class 0 is
/// the background: its classifier row moves last, its box deltas and mask channel are dropped, so torchvision label
/// l is our class l − 1.
/// </summary>
public static class TorchvisionMaskRCNN
{
    private const string Norm = "(weight|bias|running_mean|running_var|num_batches_tracked)";
    private const string Bottom = "backbone.bottom_up";

    public static IReadOnlyList<KeyRule> Rules { get; } =
    [
        new(@"^backbone\.body\.conv1\.weight$", _ => $"{Bottom}.stem.conv1.weight"),
        new($@"^backbone\.body\.bn1\.{Norm}$", m => $"{Bottom}.stem.conv1.norm.{m.Groups[1].Value}"),
        new(@"^backbone\.body\.layer(\d)\.(\d+)\.conv(\d)\.weight$", m => $"{Stage(m)}.conv{m.Groups[3].Value}.weight"),
        new($@"^backbone\.body\.layer(\d)\.(\d+)\.bn(\d)\.{Norm}$", m => $"{Stage(m)}.conv{m.Groups[3].Value}.norm.{m.Groups[4].Value}"),
        new(@"^backbone\.body\.layer(\d)\.(\d+)\.downsample\.0\.weight$", m => $"{Stage(m)}.shortcut.weight"),
        new($@"^backbone\.body\.layer(\d)\.(\d+)\.downsample\.1\.{Norm}$", m => $"{Stage(m)}.shortcut.norm.{m.Groups[3].Value}"),
        new(@"^backbone\.fpn\.inner_blocks\.(\d)(?:\.0)?\.(weight|bias)$", m => $"backbone.fpn_lateral{KeyRule.Number(m, 1, 2)}.{m.Groups[2].Value}"),
        new(@"^backbone\.fpn\.layer_blocks\.(\d)(?:\.0)?\.(weight|bias)$", m => $"backbone.fpn_output{KeyRule.Number(m, 1, 2)}.{m.Groups[2].Value}"),
        new(@"^rpn\.head\.conv(?:\.0\.0)?\.(weight|bias)$", m => $"proposal_generator.rpn_head.conv.{m.Groups[1].Value}"),
        new(@"^rpn\.head\.cls_logits\.(weight|bias)$", m => $"proposal_generator.rpn_head.objectness_logits.{m.Groups[1].Value}"),
        new(@"^rpn\.head\.bbox_pred\.(weight|bias)$", m => $"proposal_generator.rpn_head.anchor_deltas.{m.Groups[1].Value}"),
        new(@"^roi_heads\.box_head\.fc(6|7)\.(weight|bias)$", m => $"roi_heads.box_head.fc{KeyRule.Number(m, 1, -5)}.{m.Groups[2].Value}"),
        new(@"^roi_heads\.box_predictor\.cls_score\.(weight|bias)$", m => $"roi_heads.box_predictor.cls_score.{m.Groups[1].Value}", CheckpointMapping.BackgroundLast),
        new(@"^roi_heads\.box_predictor\.bbox_pred\.(weight|bias)$", m => $"roi_heads.box_predictor.bbox_pred.{m.Groups[1].Value}", CheckpointMapping.DropBackground),
        new(@"^roi_heads\.mask_head\.(\d+)(?:\.0)?\.(weight|bias)$", m => $"roi_heads.mask_head.mask_fcn{KeyRule.Number(m, 1, 1)}.{m.Groups[2].Value}"),
        new(@"^roi_heads\.mask_head\.mask_fcn(\d+)\.(weight|bias)$", m => $"roi_heads.mask_head.mask_fcn{m.Groups[1].Value}.{m.Groups[2].Value}"),
        new(@"^roi_heads\.mask_predictor\.conv5_mask\.(weight|bias)$", m => $"roi_heads.mask_head.deconv.{m.Groups[1].Value}"),
        new(@"^roi_heads\.mask_predictor\.mask_fcn_logits\.(weight|bias)$", m => $"roi_heads.mask_head.predictor.{m.Groups[1].Value}", CheckpointMapping.DropBackground),
    ];

    /// <summary><c>layer{i}.{b}</c> → <c>res{i+1}.{b}</c>.</summary>
    private static string Stage(System.Text.RegularExpressions.Match match) => $"{Bottom}.res{KeyRule.Number(match, 1, 1)}.{match.Groups[2].Value}";
}
