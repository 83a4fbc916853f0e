using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Plugins.MaskRCNN.RoIHeads;
using Panoptic.Plugins.MaskRCNN.Tests.Support;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.Tests.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Stage targets of the cascade on hand-made boxes. Ground truth: A = (0, 0, 100, 100) of class 2 and
/// B = (200, 200, 260, 260) of class 0 (K = 3). Proposals, all 100 wide and flush with A's top, of heights 55, 65, 75 and
/// 30 (IoU with A 0.55, 0.65, 0.75, 0.30), and (200, 200, 260, 254) (IoU with B 0.9).
/// </summary>
public sealed class CascadeStageTargetTests
{
    private const int K = 3;

    private static readonly float[] GroundTruth = [0, 0, 100, 100, 200, 200, 260, 260];

    private static readonly float[] ProposalBoxes = [0, 0, 100, 55, 0, 0, 100, 65, 0, 0, 100, 75, 0, 0, 100, 30, 200, 200, 260, 254];

    /// <summary>Per stage, each proposal's target class (K = background).</summary>
    public static TheoryData<int, long[]> StageClasses => new()
    {
        { 0, [2, 2, 2, 3, 0] },   // IoU ≥ 0.5: 0.55, 0.65, 0.75, B
        { 1, [3, 2, 2, 3, 0] },   // IoU ≥ 0.6: 0.65, 0.75, B
        { 2, [3, 3, 2, 3, 0] },   // IoU ≥ 0.7: 0.75, B
    };

    [Theory]
    [MemberData(nameof(StageClasses))]
    public void Each_stage_labels_foreground_at_its_own_iou(int stage, long[] expected)
    {
        using var scope = Torch.NewDisposeScope();
        var cascade = new CascadeSettings([0.5, 0.6, 0.7], [1, 1, 1]);
        var labelled = ProposalLabels.Assign(Torch.From(ProposalBoxes, 5, 4), TinyCascade.Targets(300, 300, GroundTruth, [2, 0]), cascade.StageMatcher(stage), K);
        labelled.GtClasses.ToArray<long>().Should().Equal(expected);
        labelled.GtIndex.ToArray<long>().Should().Equal(0, 0, 0, 0, 1);
        labelled.GtBoxes.ToArray<float>().Should().Equal([.. GroundTruth[..4], .. GroundTruth[..4], .. GroundTruth[..4], .. GroundTruth[..4], .. GroundTruth[4..]]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Regression_targets_use_each_stages_weights(int stage)
    {
        using var scope = Torch.NewDisposeScope();
        var (wy, wh) = (TinyCascade.Weights[stage][1], TinyCascade.Weights[stage][3]);
        var targets = new BoxCoder(TinyCascade.Weights[stage]).Encode(Torch.From(ProposalBoxes, 5, 4), Torch.From(
            [.. GroundTruth[..4], .. GroundTruth[..4], .. GroundTruth[..4], .. GroundTruth[..4], .. GroundTruth[4..]], 5, 4)).ToArray<float>();
        // A proposal of height h flush with A's top: centre 50 − h/2 lower than A's, h/100 of its height, same x and width.
        double[] Flush(double h) => [0, wy * (50 - h / 2) / h, 0, wh * Math.Log(100 / h)];
        double[] expected = [.. Flush(55), .. Flush(65), .. Flush(75), .. Flush(30), 0, wy * 3 / 54, 0, wh * Math.Log(60.0 / 54)];
        targets.Select(t => (double)t).Should().Equal(expected, (a, b) => Math.Abs(a - b) < 1e-5);
        // e.g. the 0.75 box: dy = 12.5 / 75 · wy, dh = ln(4/3) · wh.
        targets[9].Should().BeApproximately((float)(wy / 6), 1e-5f);
        targets[11].Should().BeApproximately((float)(0.28768207 * wh), 1e-5f);
    }

    /// <summary>
    /// With zeroed predictors (uniform scores, zero deltas) every stage sees the same boxes — the proposals plus the two
    /// ground-truth boxes, R = 7 — so its losses are exact: <c>loss_cls</c> = ln(K + 1) and <c>loss_box_reg</c> = the sum of
    /// |targets| of its foreground at its weights, over R, times its loss weight (here 1, 0.5, 0.25). One set of (R, 4)
    /// class-agnostic deltas serves every class.
    /// </summary>
    [Fact]
    public void Stage_losses_are_the_hand_computed_ones()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(3);
        using var heads = TinyCascade.Build(K, [1.0, 0.5, 0.25], zeroPredictors: true);
        heads.Train();
        var features = new Dictionary<string, Tensor> { ["p2"] = Torch.Randn([1, TinyCascade.Channels, 75, 75]) };
        var images = new ImageList(Torch.Zeros([1, 3, 300, 300]), [(300, 300)]);
        var losses = heads.Forward(images, features, [TinyCascade.Proposals(300, 300, ProposalBoxes)],
            [TinyCascade.Targets(300, 300, GroundTruth, [2, 0])]).Losses;

        losses.Keys.Should().BeEquivalentTo(["loss_cls_stage0", "loss_box_reg_stage0", "loss_cls_stage1", "loss_box_reg_stage1",
            "loss_cls_stage2", "loss_box_reg_stage2"]);
        double[] stageWeights = [1.0, 0.5, 0.25];
        // Foreground proposals per stage (indices into ProposalBoxes; the appended ground truth has zero targets).
        int[][] foreground = [[0, 1, 2, 4], [1, 2, 4], [2, 4]];
        for (var stage = 0; stage < 3; stage++)
        {
            var w = TinyCascade.Weights[stage];
            double[] heights = [55, 65, 75, 30];
            var expectedSum = foreground[stage].Sum(p => p == 4
                ? w[1] * 3 / 54 + w[3] * Math.Log(60.0 / 54)
                : w[1] * (50 - heights[p] / 2) / heights[p] + w[3] * Math.Log(100 / heights[p]));
            losses[$"loss_cls_stage{stage}"].ToDouble().Should().BeApproximately(Math.Log(K + 1) * stageWeights[stage], 1e-6);
            losses[$"loss_box_reg_stage{stage}"].ToDouble().Should().BeApproximately(expectedSum / 7 * stageWeights[stage], 1e-5);
        }
    }
}
