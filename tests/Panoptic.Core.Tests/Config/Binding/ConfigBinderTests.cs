using FluentAssertions;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;
using Panoptic.Core.Config.Binding;
using Panoptic.Core.Config.Loading;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Config.Tree;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Config.Binding;

public sealed class ConfigBinderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private (ResolvedConfig Config, string Path) Bind(string yaml, params string[] overrides)
    {
        var path = _dir.Write("config.yaml", yaml);
        return (SampleCatalog.Bind(path, overrides), path);
    }

    private ConfigException Fails(string yaml, params string[] overrides)
    {
        var act = () => Bind(yaml, overrides);
        return act.Should().Throw<ConfigException>().Which;
    }

    private static SampleOptions Sampler(ResolvedConfig config) => (SampleOptions)config.Section<SampleSection>().Schedule.Options!;

    [Fact]
    public void Values_bind_to_typed_records_and_missing_keys_take_defaults()
    {
        var (config, path) = Bind("""
            sample:
              count: 3
              schedule:
                name: Sampler
                num_conv: 2
                scale: 1e-1
                norm: GN
                flavour: smooth_l1
                steps: [10, 20]
                limit: null
                root: data/coco
                inner: {ratio: 0.5}
                child: {name: Step, gamma: 0.5}
                stride_in_1x1: true
            """);

        var options = Sampler(config);
        config.Section<SampleSection>().Count.Should().Be(3);
        options.NumConv.Should().Be(2);
        options.Scale.Should().Be(0.1);
        options.Enabled.Should().BeTrue();
        options.Norm.Should().Be("GN");
        options.Flavour.Should().Be(Flavour.SmoothL1);
        options.Steps.Should().Equal(10, 20);
        options.Limit.Should().BeNull();
        options.Root.Should().Be(Path.Combine(Path.GetDirectoryName(path)!, "data", "coco"), "paths are relative to the YAML file");
        options.Inner.Ratio.Should().Be(0.5);
        options.Inner.Grid.Should().HaveCount(2, "unset nested keys keep their defaults");
        options.StrideIn1x1.Should().BeTrue();
        options.Child!.Name.Should().Be("Step");
        options.Child.Options.Should().Be(new StepScheduleOptions { Gamma = 0.5 });
        config.Section<SolverSection>().MaxIter.Should().Be(40000, "a section absent from the file takes its defaults");
    }

    [Fact]
    public void A_component_default_supplies_the_name_and_its_defaults()
    {
        var (config, _) = Bind("sample:\n  schedule:\n    num_conv: 8\n");

        var spec = config.Section<SampleSection>().Schedule;
        spec.Name.Should().Be("Sampler");
        ((SampleOptions)spec.Options!).NumConv.Should().Be(8);
        ((SampleOptions)spec.Options!).Scale.Should().Be(1.0);
    }

    [Fact]
    public void Paths_set_on_the_command_line_are_relative_to_the_working_directory()
    {
        var (config, _) = Bind("sample:\n  schedule: {name: Sampler}\n", "sample.schedule.root=rel/dir");

        Sampler(config).Root.Should().Be(Path.GetFullPath("rel/dir"));
    }

    [Fact]
    public void The_resolved_tree_keeps_provenance_including_defaults()
    {
        var (config, path) = Bind("sample:\n  schedule:\n    name: Sampler\n    num_conv: 2\n", "sample.schedule.scale=3");

        var schedule = (ConfigMapping)((ConfigMapping)config.Tree["sample"]!)["schedule"]!;
        schedule["num_conv"]!.Source.Should().Be(new ConfigSource.File(path, 4, 15));
        schedule["scale"]!.Source.Should().Be(new ConfigSource.CommandLine("sample.schedule.scale=3"));
        schedule["enabled"]!.Source.Should().Be(new ConfigSource.Default("Sampler (LR schedule)"));
        ((ConfigScalar)schedule["flavour"]!).Text.Should().Be("plain");
    }

    [Fact]
    public void An_unknown_key_names_position_key_path_and_the_nearest_key()
    {
        var error = Fails("sample:\n  schedule:\n    name: Sampler\n    num_cnv: 2\n");

        error.Message.Should().Contain("config.yaml:4:5: sample.schedule.num_cnv: unknown key for Sampler (LR schedule); did you mean 'num_conv'?");
        error.Errors.Single().KeyPath.Should().Be("sample.schedule.num_cnv");
    }

    [Fact]
    public void An_unknown_key_from_an_override_names_the_override()
    {
        var error = Fails("sample:\n  schedule: {name: Sampler}\n", "sample.schedule.num_cnv=2");

        error.Message.Should().Be(
            "command line 'sample.schedule.num_cnv=2': sample.schedule.num_cnv: unknown key for Sampler (LR schedule); did you mean 'num_conv'? "
            + "(keys: num_conv, scale, enabled, norm, flavour, steps, limit, root, inner, child, stride_in_1x1)");
    }

    [Theory]
    [InlineData("num_conv: \"4\"", "sample.schedule.num_conv: expected integer, got string \"4\"")]
    [InlineData("num_conv: 2.5", "sample.schedule.num_conv: expected integer, got number 2.5")]
    [InlineData("num_conv: 99999999999", "expected integer, got 99999999999, which does not fit in Int32")]
    [InlineData("num_conv: null", "sample.schedule.num_conv: expected integer, got null")]
    [InlineData("enabled: yes", "sample.schedule.enabled: expected boolean, got string 'yes'")]
    [InlineData("scale: fast", "sample.schedule.scale: expected number, got string 'fast'")]
    [InlineData("steps: 5", "sample.schedule.steps: expected list of integer, got integer 5")]
    [InlineData("steps: [1, x]", "sample.schedule.steps.1: expected integer, got string 'x'")]
    [InlineData("inner: 3", "sample.schedule.inner: expected mapping (InnerOptions), got integer 3")]
    [InlineData("limit: many", "sample.schedule.limit: expected integer or null, got string 'many'")]
    [InlineData("flavour: smoth_l1", "sample.schedule.flavour: expected one of Plain, SmoothL1, got string 'smoth_l1'; did you mean 'SmoothL1'?")]
    public void Wrong_types_name_the_expected_type(string line, string message)
    {
        var error = Fails($"sample:\n  schedule:\n    name: Sampler\n    {line}\n");

        error.Message.Should().Contain("config.yaml:4:").And.Contain(message);
    }

    [Theory]
    [InlineData("num_conv: 40", "sample.schedule.num_conv: 40 is out of range: expected integer in range [0, 32]")]
    [InlineData("scale: 0", "sample.schedule.scale: 0 is out of range: expected number in range (0, 10]")]
    [InlineData("steps: [0, 5]", "sample.schedule.steps: 0 is out of range: expected list of integer in range [1, 2147483647]")]
    [InlineData("norm: LN", "sample.schedule.norm: \"LN\" is not allowed: expected one of \"\", \"BN\", \"GN\"")]
    [InlineData("inner: {ratio: 2}", "sample.schedule.inner.ratio: 2 is out of range: expected number in range [0, 1]")]
    [InlineData("steps: [5, 3]", "sample.schedule.steps: steps must increase")]
    public void Out_of_range_values_name_the_range(string line, string message)
    {
        Fails($"sample:\n  schedule:\n    name: Sampler\n    {line}\n").Message.Should().Contain(message);
    }

    [Fact]
    public void An_unknown_component_lists_the_nearest_names_and_the_folders_scanned()
    {
        var error = Fails("sample:\n  schedule:\n    name: Sampel\n");

        error.Message.Should().EndWith(
            "config.yaml:3:11: sample.schedule.name: unknown LR schedule 'Sampel'; did you mean 'Sampler'? "
            + "(known: Sampler, Step; plugin locations scanned: /plugins/a (test); /plugins/b (test))");
    }

    [Fact]
    public void A_component_node_without_name_and_without_default_is_an_error()
    {
        Fails("sample:\n  schedule:\n    name: Sampler\n    child: {gamma: 0.5}\n").Message
            .Should().Contain("sample.schedule.child.name: missing key 'name': which LR schedule to use (known: Sampler, Step)");
    }

    [Fact]
    public void A_missing_required_key_is_an_error()
    {
        var catalog = SampleCatalog.Create();
        var node = ConfigLoader.Parse("items: []\n", "/x.yaml");
        var act = () => ConfigBinder.BindOptions<NeedsRootOptions>(node, catalog, "dataset.train.0");

        act.Should().Throw<ConfigException>().WithMessage("*dataset.train.0.items: unknown key*")
            .And.Message.Should().Contain("/x.yaml:1:1: dataset.train.0.root: missing required key 'root' of NeedsRootOptions (expected path)");
    }

    [Fact]
    public void Unknown_sections_suggest_the_nearest_section_and_all_errors_are_reported()
    {
        var error = Fails("solvr:\n  max_iter: 10\nsample:\n  count: 0\n  schedule: {name: Nope}\n");

        error.Errors.Should().HaveCount(3);
        error.Message.Should().StartWith("3 config errors:");
        error.Message.Should().Contain("config.yaml:1:1: solvr: unknown top-level section; did you mean 'solver'?");
        error.Message.Should().Contain("sample.count: 0 is out of range");
        error.Message.Should().Contain("unknown LR schedule 'Nope'");
    }

    [Fact]
    public void Plugin_sections_and_core_sections_are_typed()
    {
        var (config, _) = Bind("solver:\n  steps: [100, 200]\n  max_iter: 300\n  warmup_method: constant\n");

        var solver = config.Section<SolverSection>();
        solver.Steps.Should().Equal(100, 200);
        solver.WarmupMethod.Should().Be(WarmupMethod.Constant);
        config.Model.Should().BeNull();
        config.Plugins.Should().BeEmpty();
    }

    [Fact]
    public void Section_validation_runs_after_binding()
    {
        Fails("solver:\n  steps: [100, 500]\n  max_iter: 300\n").Message
            .Should().Contain("config.yaml:2:10: solver.steps: the last step 500 is not below max_iter 300");
    }

    [Fact]
    public void A_bare_name_selects_a_component_with_its_defaults()
    {
        var (config, _) = Bind("runtime:\n  output_dir: out\nsample:\n  schedule: Step\n");

        config.Section<SampleSection>().Schedule.Should().BeOfType<ComponentSpec<ILRSchedule>>()
            .Which.Options.Should().Be(new StepScheduleOptions());
        config.Section<RuntimeSection>().OutputDir.Should().Be(Path.Combine(_dir.Path, "out"));
    }
}
