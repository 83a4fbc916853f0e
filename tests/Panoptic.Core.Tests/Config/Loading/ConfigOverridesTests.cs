using FluentAssertions;
using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Loading;
using Panoptic.Core.Config.Tree;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Config.Loading;

public sealed class ConfigOverridesTests
{
    private const string Yaml = "model:\n  roi_heads:\n    mask_head:\n      num_conv: 4\nsolver:\n  steps: [60000, 80000]\n  lr: 0.02\n";

    private static ConfigMapping Apply(params string[] overrides)
    {
        var root = ConfigLoader.Parse(Yaml, "/configs/x.yaml");
        var errors = new List<ConfigError>();
        ConfigOverrides.Apply(root, overrides, errors);
        if (errors.Count > 0)
            throw new ConfigException(errors);
        return root;
    }

    [Fact]
    public void A_dotted_key_sets_a_scalar_and_records_the_override()
    {
        var root = Apply("model.roi_heads.mask_head.num_conv=2");

        var node = (ConfigScalar)root.At("model.roi_heads.mask_head.num_conv");
        node.Text.Should().Be("2");
        node.Source.Should().Be(new ConfigSource.CommandLine("model.roi_heads.mask_head.num_conv=2"));
        node.Source.ToString().Should().Be("command line 'model.roi_heads.mask_head.num_conv=2'");
    }

    [Fact]
    public void A_flow_list_replaces_a_list()
    {
        Apply("solver.steps=[6000,8000]").Items("solver.steps").Should().Equal("6000", "8000");
    }

    [Fact]
    public void A_list_index_replaces_one_element_and_the_next_index_appends()
    {
        var root = Apply("solver.steps.1=9000", "solver.steps.2=95000");

        root.Items("solver.steps").Should().Equal("60000", "9000", "95000");
        root.At("solver.steps.0").Source.Should().BeOfType<ConfigSource.File>();
        root.At("solver.steps.1").Source.Should().Be(new ConfigSource.CommandLine("solver.steps.1=9000"));
    }

    [Fact]
    public void An_index_past_the_end_is_an_error()
    {
        var act = () => Apply("solver.steps.5=1");

        act.Should().Throw<ConfigException>()
            .WithMessage("command line 'solver.steps.5=1': solver.steps.5: 'solver.steps' is a list of 2 (set at /configs/x.yaml:6:10); expected an index 0..2");
    }

    [Fact]
    public void Missing_keys_are_created_for_the_schema_check_to_judge()
    {
        Apply("model.roi_heads.box_head.num_fc=2").At("model.roi_heads.box_head.num_fc").Should().BeOfType<ConfigScalar>();
    }

    [Fact]
    public void A_mapping_value_merges_and_delete_replaces()
    {
        var merged = Apply("model.roi_heads.mask_head={conv_dim: 128}");
        ((ConfigMapping)merged.At("model.roi_heads.mask_head")).Keys.Should().Equal("num_conv", "conv_dim");

        var replaced = Apply("model.roi_heads.mask_head={_delete_: true, conv_dim: 128}");
        ((ConfigMapping)replaced.At("model.roi_heads.mask_head")).Keys.Should().Equal("conv_dim");
    }

    [Fact]
    public void Setting_a_key_under_a_scalar_is_an_error()
    {
        var act = () => Apply("solver.lr.value=1");

        act.Should().Throw<ConfigException>().WithMessage("*solver.lr.value: cannot set a key under 'solver.lr': it is a number 0.02 set at /configs/x.yaml:7:7");
    }

    [Theory]
    [InlineData("model.roi_heads")]
    [InlineData("=3")]
    [InlineData("model..x=3")]
    public void Malformed_overrides_are_errors(string text)
    {
        var act = () => Apply(text);

        act.Should().Throw<ConfigException>().WithMessage("*an override is written key.path=value*");
    }

    [Fact]
    public void Bad_yaml_in_a_value_names_the_override()
    {
        var act = () => Apply("solver.steps=[1,2");

        act.Should().Throw<ConfigException>().WithMessage("command line 'solver.steps=[1,2': solver.steps: invalid YAML*");
    }
}
