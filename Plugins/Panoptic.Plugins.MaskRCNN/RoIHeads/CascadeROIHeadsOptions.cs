using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>
/// Options of <c>CascadeROIHeads</c>: everything <see cref="StandardROIHeadsOptions"/> holds (stage 0 samples proposals
/// with <c>iou_thresholds</c>, <c>batch_size_per_image</c>, …; each stage builds its own <c>box_head</c> from the same
/// spec), plus the stages (detectron2 <c>MODEL.ROI_BOX_CASCADE_HEAD</c>; mmdetection <c>CascadeRoIHead</c> for
/// <c>stage_loss_weights</c> and one mask head per stage). Regression is class-agnostic.
/// </summary>
public sealed record CascadeROIHeadsOptions : StandardROIHeadsOptions
{
    public CascadeROIHeadsOptions() => BoxPredictor = BoxPredictor with { ClsAgnosticBboxReg = true };

    /// <summary>Number of stages: <c>ious</c>, <c>bbox_reg_weights</c> and <c>stage_loss_weights</c> hold one entry per stage.</summary>
    [Range(1, 16)]
    public int NumStages { get; init; } = 3;

    /// <summary>Per stage, the IoU from which a box is foreground (detectron2 <c>ROI_BOX_CASCADE_HEAD.IOUS</c>); stage 0's is the sampling's foreground threshold.</summary>
    [Range(0.0, 1.0)]
    public IReadOnlyList<double> Ious { get; init; } = [0.5, 0.6, 0.7];

    /// <summary>Per stage, the (wx, wy, ww, wh) of its box transform (<c>ROI_BOX_CASCADE_HEAD.BBOX_REG_WEIGHTS</c>); stage 0's is <c>box_predictor.bbox_reg_weights</c>.</summary>
    public IReadOnlyList<IReadOnlyList<double>> BboxRegWeights { get; init; } = [[10.0, 10.0, 5.0, 5.0], [20.0, 20.0, 10.0, 10.0], [30.0, 30.0, 15.0, 15.0]];

    /// <summary>Per stage, the factor of its losses (mmdetection <c>stage_loss_weights</c>, there [1, 0.5, 0.25]; detectron2 sums them: all 1).</summary>
    [Range(0.0, 1000.0)]
    public IReadOnlyList<double> StageLossWeights { get; init; } = [1.0, 1.0, 1.0];

    /// <summary>
    /// One mask head per stage, each trained on its stage's foreground boxes (<c>loss_mask_stage{k}</c>, times the stage's
    /// loss weight), the test mask being the mean of the heads' probabilities on the final boxes (mmdetection). False: one
    /// mask head trained on the sampled proposals (<c>loss_mask</c>) and applied to the final boxes (detectron2).
    /// </summary>
    public bool MaskHeadPerStage { get; init; }

    public override IEnumerable<OptionsViolation> Validate()
    {
        foreach (var violation in base.Validate())
            yield return violation;
        foreach (var (key, count) in new[] { ("ious", Ious.Count), ("bbox_reg_weights", BboxRegWeights.Count), ("stage_loss_weights", StageLossWeights.Count) })
        {
            if (count != NumStages)
                yield return new OptionsViolation(key, $"expected one entry per stage (num_stages = {NumStages}), got {count}");
        }
        for (var k = 0; k < BboxRegWeights.Count; k++)
        {
            if (BboxRegWeights[k].Count != 4 || BboxRegWeights[k].Any(w => !(w > 0)))
                yield return new OptionsViolation("bbox_reg_weights", $"stage {k}: expected four positive weights (wx, wy, ww, wh), got [{string.Join(", ", BboxRegWeights[k])}]");
        }
        if (Ious.Count > 0 && IouThresholds.Count > 0 && Ious[0] != IouThresholds[^1])
            yield return new OptionsViolation("ious", $"stage 0 trains on the proposals sampled with iou_thresholds, whose foreground threshold is {IouThresholds[^1]}: ious[0] is {Ious[0]}; set both to the same value");
        if (BboxRegWeights.Count > 0 && !BboxRegWeights[0].SequenceEqual(BoxPredictor.BboxRegWeights))
            yield return new OptionsViolation("bbox_reg_weights", $"stage 0's weights [{string.Join(", ", BboxRegWeights[0])}] differ from box_predictor.bbox_reg_weights [{string.Join(", ", BoxPredictor.BboxRegWeights)}]; set both to the same value");
        if (!BoxPredictor.ClsAgnosticBboxReg)
            yield return new OptionsViolation("box_predictor.cls_agnostic_bbox_reg", "cascade stages regress class-agnostic boxes: set it to true");
        if (MaskHeadPerStage && MaskHead is null)
            yield return new OptionsViolation("mask_head_per_stage", "there is no mask_head to repeat per stage");
    }
}
