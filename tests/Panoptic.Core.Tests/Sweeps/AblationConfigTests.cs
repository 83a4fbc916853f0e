using FluentAssertions;
using Panoptic.Core.Hosting;
using Panoptic.Core.Sweeps;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Sweeps;

/// <summary>The shipped ablation sweeps (Configs/ablations) resolve against their base with the built-in plugins.</summary>
public sealed class AblationConfigTests
{
    private static string Ablations => Path.Combine(TestPaths.RepositoryRoot, "Configs", "ablations");

    private static PluginSelection BuiltIns => new() { BuiltInRoot = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "plugins"), Environment = false };

    [Theory]
    [InlineData("roi_pooler.yaml", new[] { "RoIAlign", "RoIWarp", "RoIPool" })]
    [InlineData("mask_loss.yaml", new[] { "sigmoid", "softmax" })]
    [InlineData("mask_head.yaml", new[] { "FCN", "MLP" })]
    public void Every_variant_of_the_shipped_ablations_is_a_valid_config(string sweep, string[] variants)
    {
        var baseConfig = Path.Combine(Ablations, "mask_rcnn_r18_fpn_ablation.yaml");
        var definition = SweepFile.Load(Path.Combine(Ablations, sweep));
        var resolver = new ConfigResolver(baseConfig, [], BuiltIns);
        var plan = SweepPlanner.Plan(definition, new SweepSettings { BaseConfig = baseConfig, OutputDir = "unused", Seeds = [0, 1] }, resolver);

        definition.Variants.Select(v => v.Name).Should().Equal(variants);
        plan.Runs.Should().HaveCount(2 * variants.Length);
        definition.Metrics.Should().Equal("segm/AP", "segm/AP75", "bbox/AP");
    }

    [Fact]
    public void Switching_a_component_by_name_alone_explains_how_to_replace_the_mapping()
    {
        using var dir = new TempDirectory();
        var baseConfig = Path.Combine(Ablations, "mask_rcnn_r18_fpn_ablation.yaml");
        var definition = SweepFile.Load(dir.Write("s.yaml", "grid: {model.roi_heads.box_pooler.name: [RoIPool]}\n"));
        var act = () => SweepPlanner.Plan(definition, new SweepSettings { BaseConfig = baseConfig, OutputDir = "unused" }, new ConfigResolver(baseConfig, [], BuiltIns));
        act.Should().Throw<SweepConfigException>().Which.Message.Should()
            .Contain("model.roi_heads.box_pooler.sampling_ratio: unknown key for RoIPool")
            .And.Contain("'model.roi_heads.box_pooler.name' (").And.Contain("s.yaml:1:42) switches the component")
            .And.Contain("model.roi_heads.box_pooler: {_delete_: true, name: …, …}");
    }
}
