using FluentAssertions;
using Panoptic.Core.Sweeps;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Sweeps;

public sealed class SweepFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_grid_is_the_cartesian_product_first_axis_slowest()
    {
        var path = _dir.Write("g.yaml", """
            title: lr and width
            grid:
              model.hidden: [2, 4]
              solver.base_lr: [0.01, 0.02]
            seeds: [5, 7]
            metrics: [tiny/score]
            overrides: {solver.max_iter: 4, solver.steps: [3]}
            """);
        var sweep = SweepFile.Load(path);
        sweep.Title.Should().Be("lr and width");
        sweep.Variants.Select(v => v.Name).Should().Equal(
            "hidden=2 base_lr=0.01", "hidden=2 base_lr=0.02", "hidden=4 base_lr=0.01", "hidden=4 base_lr=0.02");
        sweep.Variants[1].Overrides.Select(o => o.Text).Should().Equal("model.hidden=2", "solver.base_lr=0.02");
        sweep.Variants[1].Folder.Should().Be("hidden=2_base_lr=0.02");
        sweep.Common.Select(o => o.Text).Should().Equal("solver.max_iter=4", "solver.steps=[3]");
        sweep.Seeds.Should().Equal(5, 7);
        sweep.Metrics.Should().Equal("tiny/score");
    }

    [Fact]
    public void Named_variants_keep_their_names_and_any_value_shape()
    {
        var path = _dir.Write("v.yaml", """
            variants:
              "RoI Align": {model.roi_heads.box_pooler: {type: ROIAlignV2, sampling_ratio: 0}}
              plain: {}
              quoted: {runtime.output_dir: "a, b", test.best_metric: "1"}
            seeds: 3
            """);
        var sweep = SweepFile.Load(path);
        sweep.Title.Should().Be("v");
        sweep.Variants.Select(v => (v.Name, v.Folder)).Should().Equal(("RoI Align", "RoI_Align"), ("plain", "plain"), ("quoted", "quoted"));
        sweep.Variants[0].Overrides.Single().Text.Should().Be("model.roi_heads.box_pooler={type: ROIAlignV2, sampling_ratio: 0}");
        sweep.Variants[2].Overrides.Select(o => o.Text).Should().Equal("runtime.output_dir=\"a, b\"", "test.best_metric=\"1\"");
        sweep.Seeds.Should().Equal(0, 1, 2);
    }

    [Fact]
    public void Unknown_top_level_keys_and_bad_shapes_are_errors_with_positions_and_suggestions()
    {
        var path = _dir.Write("bad.yaml", """
            gird:
              model.hidden: [2, 4]
            seeds: -1
            metrics: segm/AP
            """);
        var act = () => SweepFile.Load(path);
        var message = act.Should().Throw<SweepConfigException>().Which.Message;
        message.Should().Contain("bad.yaml:1:1: unknown key 'gird'").And.Contain("did you mean 'grid'?");
        message.Should().Contain("exactly one of 'grid'");
        message.Should().Contain("bad.yaml:3:8: seeds: expected a count");
        message.Should().Contain("bad.yaml:4:10: metrics: expected a non-empty list");

        var empty = _dir.Write("empty.yaml", "grid:\n  model.hidden: []\n  'bad key': [1]\n");
        var second = FluentActions.Invoking(() => SweepFile.Load(empty)).Should().Throw<SweepConfigException>().Which.Message;
        second.Should().Contain("empty.yaml:2:17: grid.model.hidden: expected a non-empty list of values");
        second.Should().Contain("'bad key' is not a dotted config key");

        var both = _dir.Write("both.yaml", "grid: {a.b: [1]}\nvariants: {x: {a.b: 2}}\n");
        FluentActions.Invoking(() => SweepFile.Load(both)).Should().Throw<SweepConfigException>().WithMessage("*exactly one of 'grid'*not both*");
        FluentActions.Invoking(() => SweepFile.Load(Path.Combine(_dir.Path, "missing.yaml"))).Should().Throw<SweepConfigException>().WithMessage("sweep file not found: *missing.yaml");
    }
}
