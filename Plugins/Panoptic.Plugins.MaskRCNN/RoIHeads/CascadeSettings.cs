using Panoptic.Modeling.Matching;

namespace Panoptic.Plugins.MaskRCNN.RoIHeads;

/// <summary>What the cascade's stages differ by besides their heads and box transforms.</summary>
/// <param name="Ious">Per stage, the IoU from which a box is foreground. Stage 0 trains on the sampled proposals (labelled by the sampling's matcher); stage k ≥ 1 relabels every refined box at <c>Ious[k]</c>.</param>
/// <param name="LossWeights">Per stage, the factor of its losses (mmdetection <c>stage_loss_weights</c>).</param>
/// <param name="MaskHeadPerStage">One mask head per stage (mmdetection) instead of one for all (detectron2).</param>
public sealed record CascadeSettings(IReadOnlyList<double> Ious, IReadOnlyList<double> LossWeights, bool MaskHeadPerStage = false)
{
    public int NumStages => Ious.Count;

    /// <summary>Stage <paramref name="stage"/>'s matcher: foreground from its IoU, background below, nothing ignored, no low-quality matches.</summary>
    public Matcher StageMatcher(int stage) => new([Ious[stage]], [0, 1], allowLowQualityMatches: false);
}
