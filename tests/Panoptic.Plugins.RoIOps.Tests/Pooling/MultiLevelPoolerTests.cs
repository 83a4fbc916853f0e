using Panoptic.Abstractions.Modeling.Poolers;
using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.Serialization;

namespace Panoptic.Plugins.RoIOps.Tests.Pooling;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Multi-level pooling against torchvision: <c>MultiScaleRoIAlign</c> (level mapper with eps 1e-6, unaligned,
/// sampling 2) for RoIAlign and RoIAlignOps, forward and backward; <c>roi_pool</c> for RoIPool; LevelMapper itself.
/// </summary>
public sealed class MultiLevelPoolerTests(MultiLevelPoolerTests.ReferenceFixture reference) : IClassFixture<MultiLevelPoolerTests.ReferenceFixture>, IDisposable
{
    private const string Reference = """
        import sys, torch
        from collections import OrderedDict
        from torchvision.ops import MultiScaleRoIAlign, roi_pool
        from torchvision.ops.poolers import LevelMapper
        torch.manual_seed(3)
        out = OrderedDict()
        names = ["0", "1", "2", "3"]
        features = OrderedDict((n, torch.randn(2, 4, 32 >> i, 40 >> i, dtype=torch.float64).float().requires_grad_()) for i, n in enumerate(names))
        boxes = []
        for i in range(2):
            xy = torch.rand(40, 2) * torch.tensor([150.0, 120.0])
            wh = torch.exp(torch.rand(40, 2) * 5.5)
            boxes.append(torch.cat([xy, xy + wh], 1))
        # sizes at the level boundaries: sqrt(area) = 224 * 2^k exactly and just around it
        edge = torch.tensor([[0, 0, 112, 112], [0, 0, 224, 224], [0, 0, 56, 56], [3, 5, 3 + 111.99998, 5 + 112.0], [1, 1, 449, 449]], dtype=torch.float32)
        boxes[0] = torch.cat([boxes[0], edge])
        pooler = MultiScaleRoIAlign(names, 7, 2)
        y = pooler(features, boxes, [(128, 160), (128, 160)])
        w = torch.randn(y.shape)
        (y * w).sum().backward()
        out["y"], out["w"] = y.detach(), w
        for n in names:
            out[f"feature.{n}"] = features[n].detach()
            out[f"grad.{n}"] = features[n].grad
        for i, b in enumerate(boxes):
            out[f"boxes.{i}"] = b
        out["levels"] = LevelMapper(2, 5)(boxes)
        x = torch.randn(2, 3, 10, 12, dtype=torch.float64).float().requires_grad_()
        rois = torch.tensor([[0, 2.3, 1.1, 15.7, 9.2], [0, -4.0, -3.0, 6.5, 5.5], [0, 40.0, 30.0, 55.0, 44.0],
                             [1, 7.2, 7.3, 7.6, 7.9], [1, 0.0, 0.0, 23.0, 19.0], [1, 10.0, 3.0, 30.0, 25.0]])
        p = roi_pool(x, rois, (5, 5), 0.5)
        wp = torch.randn(p.shape)
        (p * wp).sum().backward()
        out["pool.x"], out["pool.rois"], out["pool.y"], out["pool.w"], out["pool.grad"] = x.detach(), rois, p.detach(), wp, x.grad
        torch.save(out, sys.argv[1])
        """;

    private readonly TensorDictionary _expected = PyTorchCheckpoint.LoadStateDict(reference.Path);

    public void Dispose() => _expected.Dispose();

    private static RoIFeatureExtractorContext Pyramid => new([new ShapeSpec(4, 4), new ShapeSpec(4, 8), new ShapeSpec(4, 16), new ShapeSpec(4, 32)]);

    [Fact]
    public void RoIAlign_matches_MultiScaleRoIAlign()
    {
        using var scope = Torch.NewDisposeScope();
        var pooler = new RoIAlignPooler(Pyramid, 7, samplingRatio: 2, aligned: false, levelAssignment: LevelAssignment.Torchvision);
        var (y, grads) = Pool(pooler);
        (y - _expected["y"]).Abs().Max().ToDouble().Should().BeLessThan(1e-5);
        for (var level = 0; level < 4; level++)
            (grads[level] - _expected[$"grad.{level}"]).Abs().Max().ToDouble().Should().BeLessThan(1e-5, $"level {level} gradient");
    }

    [Fact]
    public void RoIAlignOps_matches_MultiScaleRoIAlign()
    {
        using var scope = Torch.NewDisposeScope();
        var pooler = new RoIAlignOpsPooler(Pyramid, 7, samplingRatio: 2, aligned: false, levelAssignment: LevelAssignment.Torchvision);
        var (y, grads) = Pool(pooler);
        (y - _expected["y"]).Abs().Max().ToDouble().Should().BeLessThan(1e-5);
        for (var level = 0; level < 4; level++)
            (grads[level] - _expected[$"grad.{level}"]).Abs().Max().ToDouble().Should().BeLessThan(1e-5, $"level {level} gradient");
    }

    [Fact]
    public void Level_mapper_matches_torchvision_including_boundary_sizes()
    {
        using var scope = Torch.NewDisposeScope();
        var mapper = new LevelMapper(2, 5, 224, 4, LevelAssignment.Torchvision);
        var boxes = Torch.Cat([_expected["boxes.0"], _expected["boxes.1"]], 0);
        mapper.Assign(boxes).ToArray<long>().Should().Equal(_expected["levels"].ToArray<long>());
    }

    [Fact]
    public void Detectron2_assignment_puts_canonical_sizes_on_their_levels()
    {
        using var scope = Torch.NewDisposeScope();
        var mapper = new LevelMapper(2, 5, 224, 4, LevelAssignment.Detectron2);
        var boxes = Torch.From(new float[] { 0, 0, 224, 224, 0, 0, 112, 112, 0, 0, 111, 111, 0, 0, 56, 56, 0, 0, 10, 10, 0, 0, 900, 900, 0, 0, 448, 448 }, 7, 4);
        mapper.Assign(boxes).ToArray<long>().Should().Equal(2, 1, 0, 0, 0, 3, 3);
    }

    [Fact]
    public void RoIPool_matches_torchvision_forward_and_backward()
    {
        using var scope = Torch.NewDisposeScope();
        var x = _expected["pool.x"].Clone().RequiresGrad_();
        var rois = _expected["pool.rois"];
        var boxes = new[] { new Boxes(rois.Narrow(0, 0, 3).Narrow(1, 1, 4)), new Boxes(rois.Narrow(0, 3, 3).Narrow(1, 1, 4)) };
        var y = new RoIPoolPooler(new RoIFeatureExtractorContext([new ShapeSpec(3, 2)]), 5).Forward([x], boxes);
        (y * _expected["pool.w"]).Sum().Backward();
        (y - _expected["pool.y"]).Abs().Max().ToDouble().Should().Be(0);
        (x.Grad! - _expected["pool.grad"]).Abs().Max().ToDouble().Should().BeLessThan(1e-6);
    }

    [Fact]
    public void RoIWarp_on_pixel_aligned_boxes_is_a_bilinear_warp_of_the_quantised_box()
    {
        using var scope = Torch.NewDisposeScope();
        var x = Torch.Randn([1, 2, 16, 16]);
        var context = new RoIFeatureExtractorContext([new ShapeSpec(2, 1)]);
        var warped = new RoIWarpPooler(context, 4, samplingRatio: 2).Forward([x], [new Boxes(Torch.From(new float[] { 2.2f, 3.4f, 9.6f, 11.4f }, 1, 4))]);
        // round(2.2) = 2, round(9.6) = 10 inclusive → [2, 11); round(3.4) = 3, round(11.4) = 11 → [3, 12).
        var aligned = new RoIAlignPooler(context, 4, samplingRatio: 2, aligned: false).Forward([x], [new Boxes(Torch.From(new float[] { 2, 3, 11, 12 }, 1, 4))]);
        (warped - aligned).Abs().Max().ToDouble().Should().Be(0);
    }

    private (Tensor Output, Tensor[] Gradients) Pool(MultiLevelPooler pooler)
    {
        var features = Enumerable.Range(0, 4).Select(l => _expected[$"feature.{l}"].Clone().RequiresGrad_()).ToArray();
        var y = pooler.Forward(features, [new Boxes(_expected["boxes.0"]), new Boxes(_expected["boxes.1"])]);
        (y * _expected["w"]).Sum().Backward();
        return (y, features.Select(f => f.Grad!).ToArray());
    }

    /// <summary>Runs the reference script once for the class; its output lives in a temporary folder.</summary>
    public sealed class ReferenceFixture : IDisposable
    {
        private readonly TempFolder _folder = new();

        public ReferenceFixture()
        {
            Path = _folder.File("multilevel.pth");
            PythonReference.Run(Reference, 1, Path);
        }

        public string Path { get; }

        public void Dispose() => _folder.Dispose();
    }
}
