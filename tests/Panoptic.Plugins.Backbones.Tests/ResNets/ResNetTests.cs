using Panoptic.Plugins.Backbones.ResNets;
using Panoptic.Torch;
using Panoptic.Torch.NN.Modules;

namespace Panoptic.Plugins.Backbones.Tests.ResNets;

using Torch = Panoptic.Torch.Torch;

/// <summary>Structure of the ResNet backbone: names, shapes, freezing, ResNeXt groups, dilation.</summary>
public class ResNetTests
{
    [Fact]
    public void ResNet50_has_detectron2_names_and_shapes()
    {
        using var resnet = new ResNet(50, ["res2", "res3", "res4", "res5"]);
        var keys = resnet.StateDict().Select(kv => kv.Key).ToList();
        keys.Should().Contain(["stem.conv1.weight", "stem.conv1.norm.running_var", "res2.0.shortcut.weight", "res2.0.shortcut.norm.weight",
            "res2.0.conv1.weight", "res3.3.conv3.norm.bias", "res4.5.conv2.weight", "res5.2.conv3.weight"]);
        keys.Should().NotContain(k => k.Contains("num_batches_tracked") || k.EndsWith(".bias") && !k.Contains(".norm."));
        resnet.OutputShapes.Select(s => (s.Key, s.Value.Channels, s.Value.Stride)).Should()
            .Equal(("res2", 256, 4), ("res3", 512, 8), ("res4", 1024, 16), ("res5", 2048, 32));
        resnet.Parameters().Sum(p => p.Numel).Should().Be(23_454_912, "torchvision's resnet50 without fc and with frozen norms");
    }

    [Fact]
    public void Stages_up_to_freeze_at_take_no_gradient_and_freeze_their_batch_norms()
    {
        using var resnet = new ResNet(18, ["res2", "res3"], norm: "BN", freezeAt: 2, res2OutChannels: 64);
        resnet.NamedParameters().Where(p => p.Key.StartsWith("stem.") || p.Key.StartsWith("res2.")).Should().OnlyContain(p => !p.Value.RequiresGrad);
        resnet.NamedParameters().Where(p => p.Key.StartsWith("res3.")).Should().OnlyContain(p => p.Value.RequiresGrad);
        resnet.NamedModules().Where(m => m.Key.StartsWith("res2.") && m.Key.EndsWith(".norm")).Should().OnlyContain(m => m.Value is FrozenBatchNorm2d);
        resnet.NamedModules().Where(m => m.Key.StartsWith("res3.") && m.Key.EndsWith(".norm")).Should().OnlyContain(m => m.Value is BatchNorm2d);
        resnet.StateDict().Select(kv => kv.Key).Should().Contain("res3.0.conv1.norm.num_batches_tracked");
    }

    [Fact]
    public void Only_the_stages_up_to_the_last_requested_are_built()
    {
        using var resnet = new ResNet(50, ["stem", "res3"]);
        resnet.NamedChildren().Select(c => c.Key).Should().Equal("stem", "res2", "res3");
        using var scope = Torch.NewDisposeScope();
        var features = resnet.Forward(Torch.Randn([1, 3, 64, 64]));
        features.Keys.Should().BeEquivalentTo(["stem", "res3"]);
        features["stem"].Shape.Should().Equal(1, 64, 16, 16);
        features["res3"].Shape.Should().Equal(1, 512, 8, 8);
    }

    [Fact]
    public void ResNeXt_uses_grouped_convolutions_and_dilation_keeps_res5_at_stride_16()
    {
        using var resnext = new ResNet(50, ["res5"], numGroups: 32, widthPerGroup: 4, res5Dilation: 2);
        var conv = (Panoptic.Modeling.Layers.ConvNorm2d)resnext.NamedModules().Single(m => m.Key == "res2.0.conv2").Value;
        (conv.Groups, conv.Weight.Shape[0], conv.Weight.Shape[1]).Should().Be((32, 128, 4));
        resnext.OutputShapes["res5"].Stride.Should().Be(16);
        using var scope = Torch.NewDisposeScope();
        resnext.Forward(Torch.Randn([1, 3, 64, 64]))["res5"].Shape.Should().Equal(1, 2048, 4, 4);
    }

    [Fact]
    public void Unknown_features_and_depths_are_errors_naming_the_valid_values()
    {
        ((Action)(() => new ResNet(50, ["res6"]))).Should().Throw<ArgumentException>().WithMessage("*res6*stem, res2, res3, res4, res5*");
        ((Action)(() => new ResNet(42, ["res5"]))).Should().Throw<ArgumentException>().WithMessage("*42*18, 34, 50, 101, 152*");
        ((Action)(() => new ResNet(18, ["res5"]))).Should().Throw<ArgumentException>().WithMessage("*res2_out_channels must be 64*");
    }
}
