using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling.Segmentation;
using Panoptic.Abstractions.Structures;
using Panoptic.Core.Hosting;
using Panoptic.Plugins.Backbones.ResNets;
using Panoptic.Plugins.MaskRCNN.MetaArchitectures;
using Panoptic.Plugins.PanopticFPN.Fusion;
using Panoptic.Plugins.PanopticFPN.SemanticHeads;
using Panoptic.Plugins.RoIOps.Pooling;
using Panoptic.Plugins.TestSupport;

using PanopticFPNArchitecture = Panoptic.Plugins.MaskRCNN.MetaArchitectures.PanopticFPN;

namespace Panoptic.Plugins.PanopticFPN.Tests.Configs;

/// <summary><c>Configs/base/models/panoptic_fpn_r50.yaml</c>: the whole model section binds strictly to <see cref="PanopticFPNOptions"/>, its semantic-head and fusion sections to the plugin's options.</summary>
public sealed class PanopticFpnConfigTests
{
    private static readonly string ConfigPath = RepositoryPaths.Config("base/models/panoptic_fpn_r50.yaml");

    private static readonly ModelFactory Factory = new(typeof(SemanticFPNHead).Assembly, typeof(PanopticFPNArchitecture).Assembly, typeof(ResNet).Assembly, typeof(RoIAlignPooler).Assembly);

    private static PanopticFPNOptions Bind(params string[] overrides) =>
        (PanopticFPNOptions)Factory.Config(ConfigPath, overrides).Model!.Options!;

    [Fact]
    public void The_shipped_sections_bind_to_panoptic_fpns_values_and_build()
    {
        var sections = Bind();

        var head = (SemanticFPNHeadOptions)sections.SemSegHead.Options!;
        head.Should().BeEquivalentTo(new SemanticFPNHeadOptions());
        (head.NumClasses, head.ConvDims, head.CommonStride, head.Norm, head.LossWeight, head.IgnoreValue, head.PredictorStd)
            .Should().Be((54, 128, 4, "GN", 0.5, 255, (double?)null));
        sections.PanopticFusion.Name.Should().Be("HeuristicFusion");
        ((HeuristicFusionOptions)sections.PanopticFusion.Options!).Thresholds.Should().Be(new FusionThresholds(0.5, 4096, 0.5));

        var shapes = Enumerable.Range(2, 4).ToDictionary(level => $"p{level}", level => new ShapeSpec(256, 1 << level));
        using var built = (SemanticFPNHead)Factory.Registry<SemanticHeadRegistry>().Build(sections.SemSegHead, new SemanticHeadContext(shapes));
        built.Predictor.Weight.Shape.Should().Equal(54, 128, 1, 1);
        Factory.Registry<PanopticFusionRegistry>().Build(sections.PanopticFusion, new PanopticFusionContext()).Should().BeOfType<HeuristicFusion>();
    }

    [Fact]
    public void The_fusion_is_swapped_by_name_with_the_same_keys()
    {
        var sections = Bind("model.panoptic_fusion.name=SemanticFirstFusion", "model.panoptic_fusion.stuff_area_limit=1024");

        Factory.Registry<PanopticFusionRegistry>().Build(sections.PanopticFusion, new PanopticFusionContext())
            .Should().BeOfType<SemanticFirstFusion>().Which.Thresholds.StuffAreaLimit.Should().Be(1024);
    }

    [Fact]
    public void Typos_bad_values_and_cross_field_violations_name_the_key_and_what_is_valid()
    {
        var act = () => Bind(
            "model.sem_seg_head.conv_dim=64",
            "model.sem_seg_head.conv_dims=100",
            "model.sem_seg_head.norm=LN",
            "model.sem_seg_head.common_stride=6",
            "model.sem_seg_head.ignore_value=3",
            "model.panoptic_fusion.overlap_threshold=1.5");

        var errors = act.Should().Throw<ConfigException>().Which.Errors.Select(e => e.ToString()).ToList();
        errors.Should().Contain(e => e.Contains("model.sem_seg_head.conv_dim") && e.Contains("did you mean 'conv_dims'"));
        errors.Should().Contain(e => e.Contains("model.sem_seg_head.norm") && e.Contains("GN"));
        errors.Should().Contain(e => e.Contains("common_stride must be a power of two"));
        errors.Should().Contain(e => e.Contains("conv_dims 100 cannot be split into GN's 32 groups"));
        errors.Should().Contain(e => e.Contains("ignore_value 3 is a class label (num_classes 54)"));
        errors.Should().Contain(e => e.Contains("model.panoptic_fusion.overlap_threshold"));
    }

    [Fact]
    public void The_plugin_folder_loads_like_a_third_party_plugin_with_its_three_components()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "plugins", "Panoptic.Plugins.PanopticFPN");
        var runtime = PanopticRuntime.WithoutConfig(new PluginSelection { BuiltIn = false, Environment = false, CommandLine = [folder] });

        runtime.Services.GetRequiredService<SemanticHeadRegistry>().Components.Select(c => c.Name).Should().Equal("SemanticFPNHead");
        runtime.Services.GetRequiredService<PanopticFusionRegistry>().Components.Select(c => c.Name).Should().Equal("HeuristicFusion", "SemanticFirstFusion");
        runtime.Services.GetRequiredService<PanopticFusionRegistry>().Build("SemanticFirstFusion", new PanopticFusionContext())
            .Should().BeAssignableTo<IPanopticFusion>();
    }
}
