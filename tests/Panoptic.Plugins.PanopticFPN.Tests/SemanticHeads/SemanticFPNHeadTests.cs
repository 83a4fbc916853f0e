using Panoptic.Abstractions.Modeling.Segmentation;
using Panoptic.Abstractions.Structures;
using Panoptic.Plugins.PanopticFPN.SemanticHeads;
using Panoptic.Plugins.TestSupport;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Tests.SemanticHeads;

using Torch = Panoptic.Torch.Torch;

/// <summary>Structure, shapes and construction of the semantic FPN head.</summary>
public sealed class SemanticFPNHeadTests
{
    private static readonly string[] Levels = ["p2", "p3", "p4", "p5"];

    private static Dictionary<string, ShapeSpec> Shapes(int channels) =>
        Levels.Select((name, i) => (name, new ShapeSpec(channels, 4 << i))).ToDictionary(p => p.name, p => p.Item2);

    private static Dictionary<string, Tensor> Features(int n, int channels, int height, int width) =>
        Levels.Select((name, i) => (name, Torch.Randn([n, channels, height / (4 << i), width / (4 << i)])))
            .ToDictionary(p => p.name, p => p.Item2);

    [Fact]
    public void Random_fpn_features_give_logits_at_stride_4_and_predictions_at_input_size()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(3);
        using var head = new SemanticFPNHead(Shapes(8), Levels, numClasses: 7, convDims: 32);

        var logits = head.Forward(Features(2, 8, 64, 96));
        var predicted = head.Predict(logits);

        logits.Shape.Should().Equal(2, 7, 16, 24);
        predicted.Shape.Should().Equal(2, 7, 64, 96);
        logits.IsFinite().All().ToBoolean().Should().BeTrue();
        (head.CommonStride, head.NumClasses, head.IgnoreValue, head.LossWeight).Should().Be((4, 7, 255, 0.5));
    }

    [Fact]
    public void Each_level_gets_log2_stride_ratio_blocks_with_an_upsampling_after_each_as_detectron2()
    {
        using var head = new SemanticFPNHead(Shapes(8), Levels, numClasses: 3, convDims: 32);

        head.Towers.Select(t => (t.Feature, t.Tower.Convs.Count, t.Tower.Upsample)).Should().Equal(
            ("p2", 1, false), ("p3", 1, true), ("p4", 2, true), ("p5", 3, true));
        head.StateDict().Select(kv => kv.Key).Should().Equal(
            "p2.0.weight", "p2.0.norm.weight", "p2.0.norm.bias",
            "p3.0.weight", "p3.0.norm.weight", "p3.0.norm.bias",
            "p4.0.weight", "p4.0.norm.weight", "p4.0.norm.bias", "p4.2.weight", "p4.2.norm.weight", "p4.2.norm.bias",
            "p5.0.weight", "p5.0.norm.weight", "p5.0.norm.bias", "p5.2.weight", "p5.2.norm.weight", "p5.2.norm.bias",
            "p5.4.weight", "p5.4.norm.weight", "p5.4.norm.bias",
            "predictor.weight", "predictor.bias");
    }

    [Fact]
    public void Weights_start_as_detectron2s_msra_fill_and_the_predictor_std_option_switches_to_a_normal_fill()
    {
        using var scope = Torch.NewDisposeScope();
        Torch.ManualSeed(4);
        using var msra = new SemanticFPNHead(Shapes(64), ["p2"], numClasses: 200, convDims: 256);
        using var normal = new SemanticFPNHead(Shapes(64), ["p2"], numClasses: 200, convDims: 256, predictorStd: 0.001);

        // kaiming_normal fan_out relu: std = sqrt(2 / (out_channels * k * k)).
        StdOf(msra.Towers[0].Tower.Convs[0].Weight).Should().BeApproximately(Math.Sqrt(2.0 / (256 * 9)), 0.03 * Math.Sqrt(2.0 / (256 * 9)));
        StdOf(msra.Predictor.Weight).Should().BeApproximately(Math.Sqrt(2.0 / 200), 0.03 * Math.Sqrt(2.0 / 200));
        StdOf(normal.Predictor.Weight).Should().BeApproximately(0.001, 0.00003);
        msra.Predictor.Bias!.Abs().Max().ToDouble().Should().Be(0);
        normal.Predictor.Bias!.Abs().Max().ToDouble().Should().Be(0);
        msra.Towers[0].Tower.Convs[0].Bias.Should().BeNull("a normalised conv has no bias, as detectron2's");
    }

    [Fact]
    public void Without_a_norm_the_convolutions_have_zero_initialised_biases()
    {
        using var head = new SemanticFPNHead(Shapes(8), ["p2", "p3"], numClasses: 3, convDims: 16, norm: "");

        head.StateDict().Select(kv => kv.Key).Should().Equal("p2.0.weight", "p2.0.bias", "p3.0.weight", "p3.0.bias", "predictor.weight", "predictor.bias");
        head.Towers[0].Tower.Convs[0].Bias!.Abs().Max().ToDouble().Should().Be(0);
    }

    [Fact]
    public void The_registry_builds_it_from_options_and_the_backbone_shapes()
    {
        var factory = new ModelFactory(typeof(SemanticFPNHead).Assembly);
        var registry = factory.Registry<SemanticHeadRegistry>();

        using var head = (SemanticFPNHead)registry.Build("SemanticFPNHead", new SemanticHeadContext(Shapes(256)),
            new SemanticFPNHeadOptions { NumClasses = 54, InFeatures = ["p3", "p4"], CommonStride = 8, LossWeight = 1.0 });

        head.InFeatures.Should().Equal("p3", "p4");
        head.Towers.Select(t => (t.Tower.Convs.Count, t.Tower.Upsample)).Should().Equal((1, false), (1, true));
        (head.NumClasses, head.CommonStride, head.LossWeight).Should().Be((54, 8, 1.0));
    }

    [Fact]
    public void A_missing_feature_or_a_stride_finer_than_the_common_stride_is_an_error_naming_it()
    {
        var shapes = Shapes(8);
        shapes["p1"] = new ShapeSpec(8, 2);

        var missing = () => new SemanticFPNHead(shapes, ["p2", "p7"], numClasses: 3, convDims: 32);
        var finer = () => new SemanticFPNHead(shapes, ["p1", "p2"], numClasses: 3, convDims: 32);

        missing.Should().Throw<ArgumentException>().WithMessage("in_features: the backbone has no feature 'p7' (features: p2, p3, p4, p5, p1)*");
        finer.Should().Throw<ArgumentException>().WithMessage("in_features: feature 'p1' has stride 2; the head needs common_stride (4) times a power of two*");
    }

    private static double StdOf(Tensor t)
    {
        using var scope = Torch.NewDisposeScope();
        var mean = t.Mean();
        return (t - mean).Square().Mean().Sqrt().ToDouble();
    }
}
