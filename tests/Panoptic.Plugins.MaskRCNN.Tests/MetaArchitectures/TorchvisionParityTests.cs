using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.MaskRCNN.RoIHeads;
using Panoptic.Plugins.MaskRCNN.Tests.Support;
using Panoptic.Torch;
using Xunit.Abstractions;

namespace Panoptic.Plugins.MaskRCNN.Tests.MetaArchitectures;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// GeneralizedRCNN with the torchvision config and a torchvision checkpoint gives torchvision's outputs, end to end
/// and stage by stage (preprocessing, backbone, proposals, pooled RoI features), on two images of different sizes.
/// </summary>
public sealed class TorchvisionParityTests(TorchvisionMaskRCNNFixture fixture, ITestOutputHelper output) : IClassFixture<TorchvisionMaskRCNNFixture>
{
    [Fact]
    public void Detections_match_torchvision()
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var outputs = fixture.Model.Inference(fixture.Inputs);
        for (var i = 0; i < outputs.Count; i++)
        {
            var instances = outputs[i].Instances!;
            var labels = fixture.Reference[$"labels.{i}"].ToArray<long>();
            var classes = instances.Get<Tensor>(InstanceFields.PredClasses).ToArray<long>();
            labels.Should().NotBeEmpty("the reference should detect something");
            classes.Select(c => c + 1).Should().Equal(labels, $"image {i}: torchvision label l is our class l - 1, in the same order");
            var boxError = MaxAbsDifference(instances.Get<Boxes>(InstanceFields.PredBoxes).Tensor, fixture.Reference[$"boxes.{i}"]);
            var scoreError = MaxAbsDifference(instances.Get<Tensor>(InstanceFields.Scores), fixture.Reference[$"scores.{i}"]);
            var masks = instances.Get<Tensor>(InstanceFields.PredMasks);
            masks.Shape.Should().Equal(fixture.Reference[$"masks.{i}"].Shape);
            var iou = MaskIou(masks, fixture.Reference[$"masks.{i}"].Bool());
            output.WriteLine($"image {i}: {labels.Length} detections, max |box error| {boxError:G3} px, max |score error| {scoreError:G3}, min mask IoU {iou.Min():G6}");
            boxError.Should().BeLessThan(1e-3, $"image {i} boxes (px)");
            scoreError.Should().BeLessThan(1e-4, $"image {i} scores");
            iou.Min().Should().BeGreaterThan(0.99, $"image {i}: every detection's mask");
        }
    }

    [Fact]
    public void Preprocessing_matches_the_transform()
    {
        using var scope = Torch.NewDisposeScope();
        var (images, _) = fixture.Model.Preprocessor.Process(fixture.Inputs, training: false, withTargets: false);
        var sizes = fixture.Reference["image_sizes"].ToArray<long>();
        images.ImageSizes.SelectMany(s => new long[] { s.Height, s.Width }).Should().Equal(sizes);
        images.Tensor.Shape.Should().Equal(fixture.Reference["batch"].Shape);
        output.WriteLine($"sizes {string.Join(", ", images.ImageSizes)}, max |error| {MaxAbsDifference(images.Tensor, fixture.Reference["batch"]):G3}");
        MaxAbsDifference(images.Tensor, fixture.Reference["batch"]).Should().BeLessThan(1e-5);
    }

    [Fact]
    public void Backbone_features_match()
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var batch = fixture.Reference["batch"];
        var features = fixture.Model.Backbone.Forward(batch);
        foreach (var level in new[] { "p2", "p3", "p4", "p5", "p6" })
        {
            var expected = fixture.Reference[$"features.{level}"];
            features[level].Shape.Should().Equal(expected.Shape, level);
            var scale = expected.Abs().Max().ToDouble();
            output.WriteLine($"{level}: max |error| {MaxAbsDifference(features[level], expected):G3} (largest value {scale:G3})");
            (MaxAbsDifference(features[level], expected) / scale).Should().BeLessThan(1e-5, $"{level}, relative to its largest value {scale}");
        }
    }

    [Fact]
    public void Proposals_match()
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var (images, _) = fixture.Model.Preprocessor.Process(fixture.Inputs, training: false, withTargets: false);
        var features = fixture.Model.Backbone.Forward(images.Tensor);
        var proposals = fixture.Model.ProposalGenerator.Forward(images, features, null).Instances;
        for (var i = 0; i < proposals.Count; i++)
        {
            var expected = fixture.Reference[$"proposals.{i}"];
            var boxes = proposals[i].Get<Boxes>(InstanceFields.ProposalBoxes).Tensor;
            boxes.Shape.Should().Equal(expected.Shape, $"image {i}");
            output.WriteLine($"image {i}: {boxes.Size(0)} proposals, max |error| {MaxAbsDifference(boxes, expected):G3} px");
            MaxAbsDifference(boxes, expected).Should().BeLessThan(1e-3, $"image {i} proposals (px), in torchvision's order");
        }
    }

    [Fact]
    public void Pooled_box_features_match_on_torchvision_proposals()
    {
        using var noGrad = Torch.NoGrad();
        using var scope = Torch.NewDisposeScope();
        var levels = new[] { "p2", "p3", "p4", "p5" }.Select(l => fixture.Reference[$"features.{l}"]).ToList();
        var boxes = Enumerable.Range(0, 2).Select(i => new Boxes(fixture.Reference[$"proposals.{i}"].Narrow(0, 0, 64))).ToList();
        var pooled = ((StandardROIHeads)fixture.Model.RoIHeads).BoxPooler.Forward(levels, boxes);
        var expected = fixture.Reference["box_features"];
        pooled.Shape.Should().Equal(expected.Shape);
        output.WriteLine($"pooled: max |error| {MaxAbsDifference(pooled, expected):G3} (largest value {expected.Abs().Max().ToDouble():G3})");
        MaxAbsDifference(pooled, expected).Should().BeLessThan(1e-5 * Math.Max(1, expected.Abs().Max().ToDouble()));
    }

    private static double MaxAbsDifference(Tensor actual, Tensor expected)
    {
        actual.Shape.Should().Equal(expected.Shape);
        return actual.Numel == 0 ? 0 : (actual.To(DType.Float64) - expected.To(DType.Float64)).Abs().Max().ToDouble();
    }

    /// <summary>Per detection IoU of (R, H, W) bool masks (1 when both are empty).</summary>
    private static double[] MaskIou(Tensor actual, Tensor expected)
    {
        var intersection = (actual & expected).Flatten(1).Sum(1, false).To(DType.Float64);
        var union = (actual | expected).Flatten(1).Sum(1, false).To(DType.Float64);
        var iou = Torch.Where(union.Gt(0), intersection / union.Clamp(min: 1), Torch.OnesLike(union));
        return iou.ToArray<double>();
    }
}
