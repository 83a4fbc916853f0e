using FluentAssertions;
using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Loading;
using Panoptic.Core.Config.Tree;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Config.Loading;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Inheritance_chain_merges_bases_in_order_then_the_file()
    {
        _dir.Write("base/c.yaml", "model:\n  depth: 50\n  norm: BN\nsolver:\n  steps: [1, 2, 3]\n");
        _dir.Write("base/d.yaml", "model:\n  norm: GN\n  width: 64\n");
        _dir.Write("b.yaml", "_base_: [base/c.yaml, base/d.yaml]\nsolver:\n  lr: 0.1\n");
        var a = _dir.Write("a.yaml", "_base_: b.yaml\nmodel:\n  depth: 101\nsolver:\n  steps: [7]\n");

        var config = ConfigLoader.Load(a);

        config.Root.Text("model.depth").Should().Be("101");
        config.Root.Text("model.norm").Should().Be("GN", "a later base overrides an earlier one");
        config.Root.Text("model.width").Should().Be("64");
        config.Root.Text("solver.lr").Should().Be("0.1");
        ((ConfigSequence)config.Root.At("solver.steps")).Items.Should().ContainSingle("lists are replaced, not merged");
        config.Root.ContainsKey("_base_").Should().BeFalse();
        config.Files.Select(Path.GetFileName).Should().Equal("a.yaml", "b.yaml", "c.yaml", "d.yaml");
    }

    [Fact]
    public void Provenance_names_the_file_line_and_column_that_set_each_value()
    {
        var basePath = _dir.Write("base.yaml", "model:\n  depth: 50\n  norm: BN\n");
        var child = _dir.Write("child.yaml", "_base_: base.yaml\nmodel:\n  norm: GN\n");

        var root = ConfigLoader.Load(child).Root;

        root.At("model.depth").Source.Should().Be(new ConfigSource.File(basePath, 2, 10));
        root.At("model.norm").Source.Should().Be(new ConfigSource.File(child, 3, 9));
        ((ConfigMapping)root.At("model")).KeySource("norm").Should().Be(new ConfigSource.File(child, 3, 3));
    }

    [Fact]
    public void Delete_replaces_the_subtree_instead_of_merging()
    {
        _dir.Write("base.yaml", "model:\n  backbone:\n    name: ResNet\n    depth: 50\n  keep: 1\n");
        var child = _dir.Write("child.yaml", "_base_: base.yaml\nmodel:\n  backbone:\n    _delete_: true\n    name: Swin\n");

        var root = ConfigLoader.Load(child).Root;

        var backbone = (ConfigMapping)root.At("model.backbone");
        backbone.Keys.Should().Equal("name");
        root.Text("model.backbone.name").Should().Be("Swin");
        root.Text("model.keep").Should().Be("1");
    }

    [Fact]
    public void Delete_at_the_top_of_a_file_drops_its_bases()
    {
        _dir.Write("base.yaml", "a: 1\n");
        var child = _dir.Write("child.yaml", "_base_: base.yaml\n_delete_: true\nb: 2\n");

        ConfigLoader.Load(child).Root.Keys.Should().Equal("b");
    }

    [Fact]
    public void Delete_must_be_a_boolean()
    {
        _dir.Write("a.yaml", "model:\n  x:\n    y: 1\n");
        _dir.Write("b.yaml", "_base_: a.yaml\nmodel:\n  x:\n    _delete_: maybe\n");

        var act = () => ConfigLoader.Load(Path.Combine(_dir.Path, "b.yaml"));

        act.Should().Throw<ConfigException>().WithMessage("*b.yaml:4:15: model.x._delete_: expected boolean (true/false), got string 'maybe'");
    }

    [Fact]
    public void A_cycle_in_bases_is_an_error_showing_the_chain()
    {
        _dir.Write("a.yaml", "_base_: b.yaml\n");
        _dir.Write("b.yaml", "x: 1\n_base_: [a.yaml]\n");

        var act = () => ConfigLoader.Load(Path.Combine(_dir.Path, "a.yaml"));

        act.Should().Throw<ConfigException>()
            .WithMessage("*b.yaml:2:10: _base_: cycle in _base_: *a.yaml → *b.yaml → *a.yaml*");
    }

    [Fact]
    public void A_file_that_names_itself_as_base_is_a_cycle()
    {
        var a = _dir.Write("a.yaml", "_base_: ./a.yaml\n");

        var act = () => ConfigLoader.Load(a);

        act.Should().Throw<ConfigException>().WithMessage("*cycle in _base_*");
    }

    [Fact]
    public void A_missing_base_names_the_position_and_the_resolved_path()
    {
        var a = _dir.Write("a.yaml", "_base_:\n  - missing/base.yaml\n");

        var act = () => ConfigLoader.Load(a);

        act.Should().Throw<ConfigException>()
            .WithMessage($"*a.yaml:2:5: _base_: base config 'missing/base.yaml' not found (looked for {Path.Combine(_dir.Path, "missing", "base.yaml")})*");
    }

    [Fact]
    public void A_missing_config_file_is_a_config_error()
    {
        var act = () => ConfigLoader.Load(Path.Combine(_dir.Path, "nope.yaml"));

        act.Should().Throw<ConfigException>().WithMessage("*config file not found*nope.yaml*");
    }

    [Fact]
    public void Yaml_syntax_errors_name_the_position()
    {
        var a = _dir.Write("a.yaml", "model:\n  depth: [1, 2\n");

        var act = () => ConfigLoader.Load(a);

        act.Should().Throw<ConfigException>().WithMessage("*a.yaml:*:*: invalid YAML:*");
    }

    [Fact]
    public void Duplicate_keys_are_errors()
    {
        var a = _dir.Write("a.yaml", "model:\n  depth: 1\n  depth: 2\n");

        var act = () => ConfigLoader.Load(a);

        act.Should().Throw<ConfigException>().WithMessage("*a.yaml:3:3: invalid YAML: Duplicate key depth");
    }

    [Fact]
    public void Misspelt_reserved_keys_suggest_the_real_one()
    {
        var a = _dir.Write("a.yaml", "_bsae_: b.yaml\nmodel:\n  _base_: c.yaml\n");

        var error = FluentActions.Invoking(() => ConfigLoader.Load(a)).Should().Throw<ConfigException>().Which;

        error.Errors.Should().HaveCount(2);
        error.Message.Should().Contain("a.yaml:1:1: _bsae_: unknown reserved key").And.Contain("did you mean '_base_'?");
        error.Message.Should().Contain("model._base_: _base_ is only allowed at the top of a file");
    }

    [Fact]
    public void The_top_level_must_be_a_mapping()
    {
        var a = _dir.Write("a.yaml", "- 1\n- 2\n");

        var act = () => ConfigLoader.Load(a);

        act.Should().Throw<ConfigException>().WithMessage("*a.yaml:1:1: a config file must hold a mapping at the top*");
    }

    [Fact]
    public void Environment_variables_are_interpolated_with_optional_defaults()
    {
        Environment.SetEnvironmentVariable("PANOPTIC_TEST_ROOT", "/data/sets");
        var a = _dir.Write("a.yaml", "a: ${env:PANOPTIC_TEST_ROOT}/coco\nb: ${env:PANOPTIC_TEST_UNSET:-fallback}\nc: $${literal}\n");

        var root = ConfigLoader.Load(a).Root;

        root.Text("a").Should().Be("/data/sets/coco");
        root.Text("b").Should().Be("fallback");
        root.Text("c").Should().Be("${literal}");
    }

    [Fact]
    public void An_unset_variable_without_default_is_an_error()
    {
        var a = _dir.Write("a.yaml", "data:\n  root: ${env:PANOPTIC_TEST_NEVER_SET}\n");

        var act = () => ConfigLoader.Load(a);

        act.Should().Throw<ConfigException>()
            .WithMessage("*a.yaml:2:9: data.root: environment variable 'PANOPTIC_TEST_NEVER_SET' is not set*");
    }
}
