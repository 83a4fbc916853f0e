using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.Backbones.ResNets;
using Panoptic.Plugins.MaskRCNN.MetaArchitectures;
using Panoptic.Plugins.MaskRCNN.RoIHeads;
using Panoptic.Plugins.MaskRCNN.Tests.Support;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.Optim;
using Xunit.Abstractions;

namespace Panoptic.Plugins.MaskRCNN.Tests.RoIHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// A tiny Cascade Mask R-CNN (ResNet-18-FPN, 32 channels, group norm, narrow heads) built from
/// <c>base/models/cascade_mask_rcnn_r50_fpn.yaml</c> trains on two 64×64 shape scenes — its total loss falls within a
/// few iterations — and then detects and segments; with <c>mask_head_per_stage</c> every stage's mask head trains.
/// </summary>
public sealed class CascadeROIHeadsTrainingTests(ITestOutputHelper output)
{
    private const int Iterations = 8;

    private static readonly string[] Tiny =
    [
        "model.pixel_std=[57.4,57.1,58.4]",
        "model.backbone.out_channels=32", "model.backbone.norm=GN",
        "model.backbone.bottom_up.depth=18", "model.backbone.bottom_up.res2_out_channels=64", "model.backbone.bottom_up.norm=GN",
        "model.backbone.bottom_up.freeze_at=0",
        "model.proposal_generator.anchor_generator.sizes=[[8],[16],[32],[64],[128]]",
        "model.proposal_generator.batch_size_per_image=64", "model.proposal_generator.post_nms_topk_train=100",
        "model.proposal_generator.pre_nms_topk_test=200", "model.proposal_generator.post_nms_topk_test=50",
        "model.roi_heads.num_classes=3", "model.roi_heads.batch_size_per_image=32",
        "model.roi_heads.box_head.fc_dim=64", "model.roi_heads.mask_head.num_conv=1", "model.roi_heads.mask_head.conv_dim=16",
        "model.roi_heads.score_thresh_test=0.0", "model.roi_heads.detections_per_image=10",
    ];

    private static readonly string[] StageLosses =
        ["loss_cls_stage0", "loss_box_reg_stage0", "loss_cls_stage1", "loss_box_reg_stage1", "loss_cls_stage2", "loss_box_reg_stage2"];

    [Fact]
    public void A_tiny_cascade_trains_and_detects()
    {
        using var model = Model();
        model.RoIHeads.Should().BeOfType<CascadeROIHeads>().Which.MaskHeads.Should().HaveCount(1);
        model.StateDict().Select(kv => kv.Key).Should().Contain(["roi_heads.box_head.2.fc1.weight", "roi_heads.box_predictor.2.bbox_pred.weight",
            "roi_heads.mask_head.predictor.weight"]);
        var keys = TrainAndDetect(model);
        keys.Should().BeEquivalentTo(["loss_rpn_cls", "loss_rpn_loc", .. StageLosses, "loss_mask"]);
    }

    [Fact]
    public void The_mask_head_per_stage_variant_trains_and_detects()
    {
        using var model = Model("model.roi_heads.mask_head_per_stage=true");
        model.RoIHeads.Should().BeOfType<CascadeROIHeads>().Which.MaskHeads.Should().HaveCount(3);
        model.StateDict().Select(kv => kv.Key).Should().Contain(["roi_heads.mask_head.0.predictor.weight", "roi_heads.mask_head.2.predictor.weight"]);
        var keys = TrainAndDetect(model);
        keys.Should().BeEquivalentTo(["loss_rpn_cls", "loss_rpn_loc", .. StageLosses, "loss_mask_stage0", "loss_mask_stage1", "loss_mask_stage2"]);
    }

    private static GeneralizedRCNN Model(params string[] overrides)
    {
        Torch.ManualSeed(13);
        return (GeneralizedRCNN)new ModelFactory(typeof(GeneralizedRCNN).Assembly, typeof(ResNet).Assembly, typeof(RoIAlignPooler).Assembly)
            .Model(RepositoryPaths.Config("base/models/cascade_mask_rcnn_r50_fpn.yaml"), [.. Tiny, .. overrides]);
    }

    /// <summary>Trains <see cref="Iterations"/> SGD steps on two scenes, asserts the total loss fell, runs inference; returns the loss names.</summary>
    private IReadOnlyCollection<string> TrainAndDetect(GeneralizedRCNN model)
    {
        var batch = new[]
        {
            ShapeScenes.Scene(64, [new(0, 6, 8, 22, 16), new(1, 36, 30, 22, 22)], 1),
            ShapeScenes.Scene(64, [new(2, 10, 30, 24, 24)], 2),
        };
        model.Train();
        var parameters = model.Parameters().Where(p => p.RequiresGrad).ToList();
        using var optimizer = new SGD(parameters, 0.01, momentum: 0.9);
        var totals = new List<double>();
        IReadOnlyCollection<string> keys = [];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var losses = TrainingStep.Run(model, batch, optimizer, parameters);
            keys = losses.Keys.ToList();
            totals.Add(losses.Values.Sum());
        }
        output.WriteLine($"total loss: {string.Join(", ", totals.Select(t => t.ToString("F3")))}");
        totals.Should().OnlyContain(t => double.IsFinite(t));
        totals.TakeLast(3).Average().Should().BeLessThan(0.75 * totals.Take(3).Average(), "the loss should fall");

        model.Eval();
        using var inference = Torch.NewDisposeScope();
        var detections = model.Inference(batch).Select(o => o.Instances!).ToList();
        foreach (var detection in detections)
        {
            var count = detection.Get<Boxes>(InstanceFields.PredBoxes).Count;
            count.Should().BeInRange(1, 10);
            var scores = detection.Get<Tensor>(InstanceFields.Scores).ToArray<float>();
            scores.Should().BeInDescendingOrder().And.OnlyContain(s => s > 0 && s <= 1);
            detection.Get<Tensor>(InstanceFields.PredMasks).Shape.Should().Equal(count, 64, 64);
            output.WriteLine($"{count} detections, best {scores[0]:F3}");
        }
        return keys;
    }
}
