using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.Backbones.ResNets;
using Panoptic.Plugins.MaskRCNN.MetaArchitectures;
using Panoptic.Plugins.MaskRCNN.Tests.Support;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.Tests.MetaArchitectures;

using Torch = Panoptic.Torch.Torch;

/// <summary>Images with nothing to detect or learn from, odd sizes, and class-agnostic heads run end to end.</summary>
public class EdgeCaseTests
{
    private static readonly string[] Tiny =
    [
        "model.backbone.out_channels=32", "model.backbone.bottom_up.depth=18", "model.backbone.bottom_up.res2_out_channels=64",
        "model.roi_heads.num_classes=2", "model.roi_heads.box_head.fc_dim=64",
        "model.roi_heads.mask_head.num_conv=1", "model.roi_heads.mask_head.conv_dim=32",
    ];

    private static GeneralizedRCNN Model(params string[] overrides) =>
        (GeneralizedRCNN)new ModelFactory(typeof(GeneralizedRCNN).Assembly, typeof(ResNet).Assembly, typeof(RoIAlignPooler).Assembly)
            .Model(RepositoryPaths.Config("base/models/mask_rcnn_r50_fpn.yaml"), [.. Tiny, .. overrides]);

    [Fact]
    public void No_detection_gives_empty_fields_at_the_output_size()
    {
        using var model = Model("model.roi_heads.score_thresh_test=1.0");
        model.Eval();
        using var scope = Torch.NewDisposeScope();
        var image = Torch.Full([3, 70, 90], 128, DType.UInt8);
        var output = model.Inference([new ModelInput(image, 140, 180)])[0].Instances!;
        output.Get<Boxes>(InstanceFields.PredBoxes).Count.Should().Be(0);
        output.Get<Tensor>(InstanceFields.PredMasks).Shape.Should().Equal(0, 140, 180);
    }

    [Fact]
    public void Training_on_an_image_without_objects_and_an_agnostic_model_gives_finite_losses()
    {
        using var model = Model("model.roi_heads.box_predictor.cls_agnostic_bbox_reg=true", "model.roi_heads.mask_head.cls_agnostic_mask=true",
            "model.roi_heads.mask_loss_type=softmax");
        model.Train();
        using var scope = Torch.NewDisposeScope();
        var empty = new ModelInput(Torch.Full([3, 64, 80], 100, DType.UInt8), 64, 80)
        {
            Instances = new Instances(64, 80)
                .Set(InstanceFields.GtBoxes, new Boxes(Torch.Zeros([0, 4])))
                .Set(InstanceFields.GtClasses, Torch.Zeros([0], DType.Int64))
                .Set(InstanceFields.GtMasks, new BitMasks(Torch.Zeros([0, 64, 80], DType.Bool))),
        };
        var shapes = ShapeScenes.Scene(64, [new(1, 8, 10, 30, 20)], 3);
        var losses = model.Losses([empty, shapes]);
        losses.Keys.Should().BeEquivalentTo(["loss_rpn_cls", "loss_rpn_loc", "loss_cls", "loss_box_reg", "loss_mask"]);
        losses.Values.Should().OnlyContain(l => double.IsFinite(l.ToDouble()));
        losses.Values.Aggregate((a, b) => a + b).Backward();
    }

    [Fact]
    public void The_ablation_components_train_in_a_model()
    {
        using var model = Model("model.roi_heads.mask_head={_delete_: true, name: MaskRCNNFCHead, num_fc: 1, fc_dim: 32, resolution: 20}",
            "model.roi_heads.box_pooler.name=RoIAlignOps", "model.roi_heads.mask_pooler={_delete_: true, name: RoIWarp, output_size: 10}");
        model.Train();
        using var scope = Torch.NewDisposeScope();
        var losses = model.Losses([ShapeScenes.Scene(64, [new(0, 8, 10, 30, 20), new(2, 30, 30, 24, 24)], 4)]);
        losses["loss_mask"].ToDouble().Should().BeApproximately(Math.Log(2), 0.1, "near-zero initial mask logits");
        losses.Values.Aggregate((a, b) => a + b).Backward();
        model.Eval();
        var output = model.Inference([ShapeScenes.Scene(64, [], 5)])[0].Instances!;
        output.Get<Tensor>(InstanceFields.PredMasks).Shape[1..].Should().Equal(64, 64);
    }
}
