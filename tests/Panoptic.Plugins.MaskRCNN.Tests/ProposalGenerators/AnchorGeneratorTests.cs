using System.Text.Json;
using Panoptic.Plugins.MaskRCNN.ProposalGenerators;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;

namespace Panoptic.Plugins.MaskRCNN.Tests.ProposalGenerators;

using Torch = Panoptic.Torch.Torch;

/// <summary>Anchors against torchvision's <c>AnchorGenerator</c> (rounded cells, strides from image and grid sizes) and detectron2's layout.</summary>
public class AnchorGeneratorTests
{
    private static readonly (long Height, long Width)[] Grids = [(80, 104), (40, 52), (20, 26), (10, 13), (5, 7)];

    private const string Reference = """
        import json, torch
        from torchvision.models.detection.anchor_utils import AnchorGenerator
        from torchvision.models.detection.image_list import ImageList
        generator = AnchorGenerator(((32,), (64,), (128,), (256,), (512,)), ((0.5, 1.0, 2.0),) * 5)
        grids = [(80, 104), (40, 52), (20, 26), (10, 13), (5, 7)]
        features = [torch.zeros(1, 1, h, w) for h, w in grids]
        anchors = generator(ImageList(torch.zeros(1, 3, 320, 416), [(320, 416)]), features)[0]
        print(json.dumps(anchors.tolist()))
        """;

    [Fact]
    public void Torchvision_settings_give_torchvisions_anchors()
    {
        using var scope = Torch.NewDisposeScope();
        var generator = new AnchorGenerator([[32], [64], [128], [256], [512]], [[0.5, 1.0, 2.0]], [4, 8, 16, 32, 64],
            roundCellAnchors: true, strideMode: AnchorStrides.ImageOverGrid);
        var anchors = Torch.Cat(generator.GridAnchors(Grids, (320, 416)), 0);
        var expected = JsonDocument.Parse(PythonReference.Run(Reference, 1)).RootElement.EnumerateArray()
            .SelectMany(row => row.EnumerateArray().Select(v => v.GetSingle())).ToArray();
        anchors.ToArray<float>().Should().Equal(expected);
    }

    [Fact]
    public void Detectron2_settings_keep_exact_sizes_and_nominal_strides()
    {
        using var scope = Torch.NewDisposeScope();
        var generator = new AnchorGenerator([[32]], [[0.5, 1.0, 2.0]], [4], offset: 0.5);
        var anchors = generator.GridAnchors([(2, 3)], (8, 12))[0];
        anchors.Shape.Should().Equal(18, 4);
        var first = anchors.Narrow(0, 0, 3).ToArray<float>();
        var w = (float)Math.Sqrt(32.0 * 32 / 0.5);
        first.Should().Equal([2 - w / 2, 2 - w / 4, 2 + w / 2, 2 + w / 4, -14, -14, 18, 18, 2 - w / 4, 2 - w / 2, 2 + w / 4, 2 + w / 2]);
        anchors[4].ToArray<float>()[0].Should().Be(6 - 16, "the second location is one stride to the right, cells innermost");
    }
}
