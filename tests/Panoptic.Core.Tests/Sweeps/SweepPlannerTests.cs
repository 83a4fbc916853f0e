using FluentAssertions;
using Panoptic.Core.Sweeps;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Sweeps;

/// <summary>Every variant's config is resolved (strict schema) before anything runs; errors point into the sweep file.</summary>
public sealed class SweepPlannerTests(SyntheticSet set) : IClassFixture<SyntheticSet>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private SweepPlan Plan(string sweepYaml, params string[] overrides)
    {
        var baseConfig = TinySweep.WriteBase(_dir, set);
        var sweep = SweepFile.Load(_dir.Write("sweep.yaml", sweepYaml));
        var settings = new SweepSettings { BaseConfig = baseConfig, OutputDir = Path.Combine(_dir.Path, "out"), Overrides = overrides };
        return SweepPlanner.Plan(sweep, settings, new ConfigResolver(baseConfig, overrides, TinySweep.Plugins));
    }

    [Fact]
    public void Runs_are_seed_major_with_their_folders_and_overrides_in_order()
    {
        var plan = Plan("grid: {model.hidden: [2, 4]}\nseeds: 2\noverrides: {solver.max_iter: 5}\n", "solver.base_lr=0.05");
        plan.Runs.Select(r => (r.Variant.Name, r.Seed)).Should().Equal(("2", 0), ("4", 0), ("2", 1), ("4", 1));
        plan.Runs[3].Folder.Should().Be(Path.Combine(_dir.Path, "out", "4", "seed1"));
        plan.Runs[3].Overrides.Should().Equal("solver.base_lr=0.05", "solver.max_iter=5", "model.hidden=4", "runtime.seed=1");
    }

    [Fact]
    public void A_key_the_base_config_lacks_names_the_sweep_file_position_the_variant_and_the_nearest_key()
    {
        var act = () => Plan("""
            variants:
              wide: {model.hidden: 8}
              typo: {model.hiden: 8, solver.base_lr: 0.1}
              range: {model.hidden: 1}
              section: {solvr.max_iter: 2}
            """);
        var message = act.Should().Throw<SweepConfigException>().Which.Message;
        message.Should().Contain("3 problems (nothing was launched)");
        message.Should().Contain("sweep.yaml:3:10: variant 'typo': key 'model.hiden'").And.Contain("did you mean 'hidden'");
        message.Should().Contain("has no key 'model.hiden'");
        message.Should().Contain("sweep.yaml:4:11: variant 'range': key 'model.hidden'").And.Contain("2");
        message.Should().Contain("sweep.yaml:5:13: variant 'section': key 'solvr.max_iter'").And.Contain("'solver'");
        message.Should().NotContain("'wide'");
    }
}
