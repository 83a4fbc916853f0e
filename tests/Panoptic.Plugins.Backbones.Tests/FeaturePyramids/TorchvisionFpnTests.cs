using Panoptic.Plugins.Backbones.FeaturePyramids;
using Panoptic.Plugins.Backbones.ResNets;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;
using Panoptic.Torch.Serialization;

namespace Panoptic.Plugins.Backbones.Tests.FeaturePyramids;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// ResNet-18 (basic blocks, torchvision style, frozen batch norms with random statistics) + FPN + max-pool P6 against
/// torchvision's <c>resnet_fpn_backbone</c>: the same weights give the same body and pyramid features.
/// </summary>
public sealed class TorchvisionFpnTests : IDisposable
{
    private const string Reference = """
        import sys, torch
        from collections import OrderedDict
        from torchvision.models.detection.backbone_utils import resnet_fpn_backbone
        from torchvision.ops.misc import FrozenBatchNorm2d
        torch.manual_seed(5)
        net = resnet_fpn_backbone(backbone_name="resnet18", weights=None, norm_layer=FrozenBatchNorm2d, trainable_layers=5).eval()
        with torch.no_grad():
            for m in net.modules():
                if isinstance(m, FrozenBatchNorm2d):
                    m.weight.uniform_(0.5, 1.0); m.bias.uniform_(-0.2, 0.2)
                    m.running_mean.uniform_(-0.1, 0.1); m.running_var.uniform_(0.5, 2.0)
            x = torch.randn(2, 3, 64, 96)
            out = OrderedDict(("state." + k, v) for k, v in net.state_dict().items())
            out["input"] = x
            for name, level in zip(["p2", "p3", "p4", "p5", "p6"], net(x).values()):
                out[name] = level
            body = net.body(x)
            for name, level in zip(["res2", "res3", "res4", "res5"], body.values()):
                out[name] = level
        torch.save(out, sys.argv[1])
        """;

    private readonly TempFolder _folder = new();
    private readonly TensorDictionary _expected;

    public TorchvisionFpnTests()
    {
        PythonReference.Run(Reference, Torch.NumThreads, _folder.File("fpn.pth"));
        _expected = PyTorchCheckpoint.LoadStateDict(_folder.File("fpn.pth"));
    }

    public void Dispose()
    {
        _expected.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void ResNet18_FPN_matches_torchvision_with_its_weights()
    {
        using var scope = Torch.NewDisposeScope();
        using var noGrad = Torch.NoGrad();
        var resnet = new ResNet(18, ["res2", "res3", "res4", "res5"], "FrozenBN", freezeAt: 0, strideIn1x1: false, res2OutChannels: 64);
        using var fpn = new FPN(resnet, ["res2", "res3", "res4", "res5"], 256, "", FuseType.Sum, TopBlock.MaxPool);
        fpn.LoadStateDict(TorchvisionNames.Rename(_expected.Keys.Where(k => k.StartsWith("state.", StringComparison.Ordinal))
            .Select(k => new KeyValuePair<string, Tensor>(k["state.".Length..], _expected[k]))));

        var x = _expected["input"];
        var body = resnet.Forward(x);
        foreach (var stage in new[] { "res2", "res3", "res4", "res5" })
            (body[stage] - _expected[stage]).Abs().Max().ToDouble().Should().Be(0, stage);
        var pyramid = fpn.Forward(x);
        pyramid.Keys.Should().Equal("p2", "p3", "p4", "p5", "p6");
        foreach (var level in pyramid.Keys)
            (pyramid[level] - _expected[level]).Abs().Max().ToDouble().Should().Be(0, level);
        fpn.OutputShapes.Select(s => s.Value.Stride).Should().Equal(4, 8, 16, 32, 64);
        fpn.SizeDivisibility.Should().Be(32);
    }
}
