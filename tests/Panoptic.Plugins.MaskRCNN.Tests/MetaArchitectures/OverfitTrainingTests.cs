using System.Diagnostics;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Modeling.Geometry;
using Panoptic.Plugins.Backbones.ResNets;
using Panoptic.Plugins.MaskRCNN.MetaArchitectures;
using Panoptic.Plugins.MaskRCNN.Tests.Support;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.Optim;
using Xunit.Abstractions;

namespace Panoptic.Plugins.MaskRCNN.Tests.MetaArchitectures;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// A small Mask R-CNN (ResNet-18-FPN with group norm, narrow heads, 128×128 images) trained from scratch on two images
/// of simple shapes overfits them: every loss falls at least 5× and the trained model detects and segments every
/// object it saw. Tagged slow (about a minute on 2 idle cores).
/// </summary>
[Trait("Category", "Slow")]
public sealed class OverfitTrainingTests(ITestOutputHelper output)
{
    private const int Iterations = 400;

    /// <summary>Learning rate: linear warm-up over 50 iterations, ×0.1 for the last quarter.</summary>
    private static double LearningRate(int iteration) =>
        0.02 * Math.Min(1.0, (iteration + 1) / 50.0) * (iteration >= Iterations * 3 / 4 ? 0.1 : 1.0);

    private static readonly string[] SmallModel =
    [
        "model.pixel_std=[57.4,57.1,58.4]",
        "model.backbone.out_channels=64", "model.backbone.norm=GN",
        "model.backbone.bottom_up.depth=18", "model.backbone.bottom_up.res2_out_channels=64",
        "model.backbone.bottom_up.norm=GN", "model.backbone.bottom_up.freeze_at=0",
        "model.proposal_generator.batch_size_per_image=64",
        "model.proposal_generator.pre_nms_topk_train=500", "model.proposal_generator.post_nms_topk_train=100",
        "model.proposal_generator.pre_nms_topk_test=500", "model.proposal_generator.post_nms_topk_test=100",
        "model.roi_heads.num_classes=3", "model.roi_heads.batch_size_per_image=64",
        "model.roi_heads.box_head.fc_dim=256",
        "model.roi_heads.mask_head.num_conv=2", "model.roi_heads.mask_head.conv_dim=64",
        "model.roi_heads.detections_per_image=20",
    ];

    [Fact]
    public void A_small_model_overfits_two_images_and_finds_their_objects()
    {
        Torch.ManualSeed(7);
        var batch = new[]
        {
            ShapeScenes.Scene(128, [new(0, 10, 12, 40, 30), new(1, 70, 60, 44, 44), new(2, 20, 72, 36, 36)], 1),
            ShapeScenes.Scene(128, [new(1, 16, 20, 36, 50), new(0, 64, 30, 50, 40)], 2),
        };
        var factory = new ModelFactory(typeof(GeneralizedRCNN).Assembly, typeof(ResNet).Assembly, typeof(RoIAlignPooler).Assembly);
        using var model = (GeneralizedRCNN)factory.Model(RepositoryPaths.Config("base/models/mask_rcnn_r50_fpn.yaml"), SmallModel);
        model.Train();
        var parameters = model.Parameters().Where(p => p.RequiresGrad).ToList();
        using var optimizer = new SGD(parameters, 0.02, momentum: 0.9, weightDecay: 1e-4);
        var history = new Dictionary<string, List<double>>();
        var clock = Stopwatch.StartNew();
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            optimizer.ParamGroups[0].LearningRate = LearningRate(iteration);
            foreach (var (name, loss) in TrainingStep.Run(model, batch, optimizer, parameters))
                (history.TryGetValue(name, out var values) ? values : history[name] = []).Add(loss);
        }
        output.WriteLine($"{Iterations} iterations in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var (name, values) in history)
        {
            var (first, last) = (values.Take(10).Average(), values.TakeLast(10).Average());
            output.WriteLine($"{name}: {first:G3} -> {last:G3} ({first / last:F1}x)");
            last.Should().BeLessThan(first / 5, $"{name} should fall at least 5x");
        }
        history.Keys.Should().BeEquivalentTo(["loss_rpn_cls", "loss_rpn_loc", "loss_cls", "loss_box_reg", "loss_mask"]);

        model.Eval();
        using var inference = Torch.NewDisposeScope();
        var outputs = model.Inference(batch);
        for (var i = 0; i < batch.Length; i++)
            AssertFound(batch[i].Instances!, outputs[i].Instances!, i);
    }

    /// <summary>Every ground-truth object has a detection of its class scoring over 0.5 with box and mask IoU over 0.5.</summary>
    private void AssertFound(Instances truth, Instances detections, int image)
    {
        var gtBoxes = truth.Get<Boxes>(InstanceFields.GtBoxes).Tensor;
        var gtClasses = truth.Get<Tensor>(InstanceFields.GtClasses).ToArray<long>();
        var gtMasks = truth.Get<BitMasks>(InstanceFields.GtMasks).Tensor;
        var boxes = detections.Get<Boxes>(InstanceFields.PredBoxes).Tensor;
        var scores = detections.Get<Tensor>(InstanceFields.Scores).ToArray<float>();
        var classes = detections.Get<Tensor>(InstanceFields.PredClasses).ToArray<long>();
        var masks = detections.Get<Tensor>(InstanceFields.PredMasks);
        var boxIou = BoxOps.PairwiseIou(gtBoxes, boxes);
        for (var g = 0; g < gtClasses.Length; g++)
        {
            var ious = boxIou[g].ToArray<float>();
            var best = Enumerable.Range(0, classes.Length)
                .Where(d => classes[d] == gtClasses[g] && scores[d] > 0.5 && ious[d] > 0.5)
                .Select(d => (Detection: d, MaskIou: MaskIou(gtMasks[g], masks[d])))
                .OrderByDescending(m => m.MaskIou)
                .FirstOrDefault((Detection: -1, MaskIou: 0.0));
            output.WriteLine($"image {image} object {g} (class {gtClasses[g]}): detection {best.Detection}, mask IoU {best.MaskIou:F3}");
            best.Detection.Should().BeGreaterThanOrEqualTo(0, $"image {image}, object {g} should be detected with its class");
            best.MaskIou.Should().BeGreaterThan(0.5, $"image {image}, object {g} should be segmented");
        }
    }

    private static double MaskIou(Tensor a, Tensor b)
    {
        var intersection = (a & b).Sum().ToDouble();
        var union = (a | b).Sum().ToDouble();
        return union == 0 ? 0 : intersection / union;
    }
}
