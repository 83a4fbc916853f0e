using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;
using Panoptic.Abstractions.Plugins;
using Panoptic.Core.Config.Output;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Hosting;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Hosting;

public sealed class PanopticRuntimeTests : IDisposable
{
    private static readonly PluginSelection NoBuiltIns = new() { BuiltIn = false, Environment = false };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_plugin_named_in_yaml_provides_the_component_the_config_selects()
    {
        var relative = Path.GetRelativePath(Path.Combine(_dir.Path, "configs"), TestPaths.TestPlugin(TestPaths.Greeting));
        var path = _dir.Write("configs/run.yaml", $"""
            plugins: [{relative}]
            solver:
              max_iter: 500
              steps: [100]
              lr_schedule: {"{"}name: Constant, factor: 0.25{"}"}
            greeting:
              text: hi
            """);

        var runtime = PanopticRuntime.Load(path, ["greeting.repeat=3"], NoBuiltIns);

        var solver = runtime.Config!.Section<SolverSection>();
        var context = new LRScheduleContext(solver.MaxIter, solver.Steps, solver.Gamma, solver.WarmupFactor, solver.WarmupIters, solver.WarmupMethod);
        var schedule = runtime.Services.GetRequiredService<LRScheduleRegistry>().Build(solver.LrSchedule!, context);

        schedule.Factor(10).Should().Be(0.25);
        schedule.GetType().FullName.Should().Be("Panoptic.TestPlugins.Greeting.ConstantSchedule");
        runtime.Plugins.Plugins.Single().Origin.Should().EndWith("run.yaml:1:11");
        runtime.Config.Plugins.Should().Equal(TestPaths.TestPlugin(TestPaths.Greeting));
        runtime.Services.GetRequiredService<SolverSection>().Should().BeSameAs(solver);
        ConfigWriter.Write(runtime.Config.Tree, provenance: false).Should().Contain("greeting:\n  text: hi\n  repeat: 3\n");
    }

    [Fact]
    public void Plugins_also_come_from_the_command_line()
    {
        var path = _dir.Write("run.yaml", "solver:\n  lr_schedule: {name: Constant}\n");

        var runtime = PanopticRuntime.Load(path, [], NoBuiltIns with { CommandLine = [TestPaths.TestPlugin(TestPaths.Greeting)] });

        runtime.Config!.Section<SolverSection>().LrSchedule!.Name.Should().Be("Constant");
        runtime.Plugins.Plugins.Single().Origin.Should().Be("--plugin");
    }

    [Fact]
    public void Without_the_plugin_the_component_is_unknown_and_the_scanned_locations_are_named()
    {
        var path = _dir.Write("run.yaml", "solver:\n  lr_schedule: {name: Constant}\n");

        var act = () => PanopticRuntime.Load(path, [], NoBuiltIns with { CommandLine = [TestPaths.TestPlugin(TestPaths.Clash)] });
        var unknown = () => PanopticRuntime.Load(path, ["solver.lr_schedule.name=Constnt"], NoBuiltIns with { CommandLine = [TestPaths.TestPlugin(TestPaths.Clash)] });

        act.Should().NotThrow("Clash provides a 'Constant' too");
        unknown.Should().Throw<ConfigException>().WithMessage(
            $"command line 'solver.lr_schedule.name=Constnt': solver.lr_schedule.name: unknown LR schedule 'Constnt'; did you mean 'Constant'? (known: Constant; plugin locations scanned: *{TestPaths.Clash} (--plugin))");
    }

    [Fact]
    public void A_missing_plugin_folder_names_the_yaml_position()
    {
        var path = _dir.Write("run.yaml", "plugins:\n  - ./nowhere\n");

        var act = () => PanopticRuntime.Load(path, [], NoBuiltIns);

        act.Should().Throw<PluginException>().WithMessage($"plugin path '{Path.Combine(_dir.Path, "nowhere")}' (*run.yaml:2:5) does not exist*");
    }

    private static string Recipe => Path.Combine(TestPaths.RepositoryRoot, "Configs", "coco", "mask_rcnn_r50_fpn_1x.yaml");

    private static PluginSelection BuiltIns => new() { BuiltInRoot = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "plugins"), Environment = false };

    [Fact]
    public void The_shipped_mask_rcnn_recipe_validates_against_the_built_in_plugin()
    {
        var runtime = PanopticRuntime.Load(Recipe, [], BuiltIns);

        var model = runtime.Config!.Model!;
        model.Name.Should().Be("GeneralizedRCNN");
        runtime.Config.Files.Should().HaveCount(5);
        var solver = runtime.Config.Section<SolverSection>();
        (solver.MaxIter, solver.BaseLr, solver.ImsPerBatch).Should().Be((90000, 0.02, 16));
        solver.Steps.Should().Equal(60000, 80000);
        ConfigWriter.Write(runtime.Config.Tree, provenance: true).Should().MatchRegex(@"      num_conv: 4 +# .*mask_rcnn_r50_fpn\.yaml:\d+:\d+\n");
    }

    [Fact]
    public void A_misspelt_mask_head_key_on_the_command_line_suggests_num_conv()
    {
        var act = () => PanopticRuntime.Load(Recipe, ["model.roi_heads.mask_head.num_cnv=2"], BuiltIns);

        act.Should().Throw<ConfigException>().Which.Message.Should()
            .Contain("model.roi_heads.mask_head.num_cnv").And.Contain("did you mean 'num_conv'");
    }

    [Fact]
    public void Overrides_of_the_recipe_take_lists_and_indices()
    {
        var runtime = PanopticRuntime.Load(Recipe, ["solver.steps=[6000,8000]", "solver.steps.1=9000", "solver.max_iter=10000", "model.roi_heads.mask_head.num_conv=2"], BuiltIns);

        runtime.Config!.Section<SolverSection>().Steps.Should().Equal(6000, 9000);
        ConfigWriter.Write(runtime.Config.Tree, provenance: true)
            .Should().MatchRegex(@"      num_conv: 2 +# command line 'model\.roi_heads\.mask_head\.num_conv=2'\n");
    }
}
