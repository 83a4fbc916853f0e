using Panoptic.Abstractions.Config;
using Panoptic.Plugins.Backbones.ResNets;
using Panoptic.Plugins.MaskRCNN.MetaArchitectures;
using Panoptic.Plugins.MaskRCNN.RoIHeads;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Plugins.TestSupport;

namespace Panoptic.Plugins.MaskRCNN.Tests.RoIHeads;

/// <summary>The cascade's options: detectron2's defaults, and errors that name the key for inconsistent stages.</summary>
public sealed class CascadeROIHeadsOptionsTests
{
    [Fact]
    public void Defaults_are_detectron2s_three_stages()
    {
        var options = new CascadeROIHeadsOptions();
        options.Validate().Should().BeEmpty();
        options.NumStages.Should().Be(3);
        options.Ious.Should().Equal(0.5, 0.6, 0.7);
        options.BboxRegWeights.Select(w => w.ToArray()).Should().BeEquivalentTo(new[] { new[] { 10.0, 10, 5, 5 }, [20.0, 20, 10, 10], [30.0, 30, 15, 15] },
            o => o.WithStrictOrdering());
        options.StageLossWeights.Should().Equal(1.0, 1.0, 1.0);
        options.BoxPredictor.ClsAgnosticBboxReg.Should().BeTrue();
        options.MaskHeadPerStage.Should().BeFalse();
    }

    [Fact]
    public void Lists_must_have_one_entry_per_stage()
    {
        var options = new CascadeROIHeadsOptions { NumStages = 2 };
        options.Validate().Select(v => v.Key).Should().BeEquivalentTo(["ious", "bbox_reg_weights", "stage_loss_weights"]);
        options.Validate().First().Message.Should().Be("expected one entry per stage (num_stages = 2), got 3");
        (options with { Ious = [0.5, 0.6], BboxRegWeights = [[10, 10, 5, 5], [20, 20, 10, 10]], StageLossWeights = [1, 0.5] }).Validate().Should().BeEmpty();
    }

    [Fact]
    public void Inconsistent_stages_name_their_key()
    {
        Violations(new CascadeROIHeadsOptions { BboxRegWeights = [[10, 10, 5, 5], [20, 20, 10], [30, 30, 15, 0]] })
            .Should().Equal("bbox_reg_weights: stage 1: expected four positive weights (wx, wy, ww, wh), got [20, 20, 10]",
                "bbox_reg_weights: stage 2: expected four positive weights (wx, wy, ww, wh), got [30, 30, 15, 0]");
        Violations(new CascadeROIHeadsOptions { Ious = [0.4, 0.6, 0.7] }).Should().Equal(
            "ious: stage 0 trains on the proposals sampled with iou_thresholds, whose foreground threshold is 0.5: ious[0] is 0.4; set both to the same value");
        Violations(new CascadeROIHeadsOptions { BboxRegWeights = [[1, 1, 1, 1], [20, 20, 10, 10], [30, 30, 15, 15]] }).Should().Equal(
            "bbox_reg_weights: stage 0's weights [1, 1, 1, 1] differ from box_predictor.bbox_reg_weights [10, 10, 5, 5]; set both to the same value");
        Violations(new CascadeROIHeadsOptions { BoxPredictor = new FastRCNNOutputOptions() }).Should().Equal(
            "box_predictor.cls_agnostic_bbox_reg: cascade stages regress class-agnostic boxes: set it to true");
        Violations(new CascadeROIHeadsOptions { MaskHeadPerStage = true }).Should().Equal(
            "mask_head_per_stage: there is no mask_head to repeat per stage");
    }

    [Fact]
    public void A_config_error_names_the_full_key_path()
    {
        var factory = new ModelFactory(typeof(GeneralizedRCNN).Assembly, typeof(ResNet).Assembly, typeof(RoIAlignPooler).Assembly);
        var act = () => factory.Config(RepositoryPaths.Config("base/models/cascade_mask_rcnn_r50_fpn.yaml"), "model.roi_heads.num_stages=4");
        act.Should().Throw<ConfigException>().Which.Message.Should()
            .Contain("model.roi_heads.ious: expected one entry per stage (num_stages = 4), got 3")
            .And.Contain("model.roi_heads.stage_loss_weights: expected one entry per stage (num_stages = 4), got 3");
    }

    private static IEnumerable<string> Violations(CascadeROIHeadsOptions options) => options.Validate().Select(v => $"{v.Key}: {v.Message}");
}
