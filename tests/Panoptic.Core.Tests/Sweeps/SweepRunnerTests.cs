using System.Globalization;
using FluentAssertions;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Reporting;
using Panoptic.Core.Sweeps;
using Panoptic.Core.Tests.Support;
using Panoptic.Evaluation.Imaging;
using Xunit;

namespace Panoptic.Core.Tests.Sweeps;

/// <summary>Real trainings (TinyRegressor, in-process) through the sweep runner; resumability; failures; the table.</summary>
[Collection(NonParallelCollection.Name)]
public sealed class SweepRunnerTests(SyntheticSet set) : IClassFixture<SyntheticSet>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Counts launches and optionally replaces the launcher's work.</summary>
    private sealed class Counting(ISweepLauncher inner) : ISweepLauncher
    {
        public List<string> Launched { get; } = [];

        public int Launch(SweepRun run, int threads, CancellationToken cancellation)
        {
            lock (Launched)
                Launched.Add(run.Name);
            return inner.Launch(run, threads, cancellation);
        }
    }

    /// <summary>Writes a metrics.jsonl whose final tiny/score is given per run, or fails with an exit code.</summary>
    private sealed class Scripted(Func<SweepRun, (int Code, double Score)> script) : ISweepLauncher
    {
        public int Launch(SweepRun run, int threads, CancellationToken cancellation)
        {
            Directory.CreateDirectory(run.Folder);
            var (code, score) = script(run);
            File.WriteAllText(run.LogPath, $"threads {threads}\n");
            if (code == 0)
            {
                File.WriteAllText(Path.Combine(run.Folder, MetricsJsonl.FileName),
                    "{\"iteration\":1,\"total_loss\":2}\n" +
                    $"{{\"iteration\":3,\"total_loss\":1,\"tiny/score\":{score.ToString(CultureInfo.InvariantCulture)},\"tiny/error\":null}}\n");
            }
            return code;
        }
    }

    private (SweepPlan Plan, string Base) Plan(string sweepYaml, string output = "out")
    {
        var baseConfig = TinySweep.WriteBase(_dir, set);
        var sweep = SweepFile.Load(_dir.Write("sweep.yaml", sweepYaml));
        var settings = new SweepSettings { BaseConfig = baseConfig, OutputDir = Path.Combine(_dir.Path, output) };
        return (SweepPlanner.Plan(sweep, settings, new ConfigResolver(baseConfig, [], TinySweep.Plugins)), baseConfig);
    }

    [Fact]
    public void A_2x2_grid_with_2_seeds_trains_8_runs_tabulates_them_and_a_second_invocation_skips_them()
    {
        var (plan, baseConfig) = Plan("grid:\n  model.hidden: [2, 6]\n  solver.base_lr: [0.01, 0.05]\nseeds: 2\nmetrics: [tiny/score, tiny/error]\n");
        var launcher = new Counting(new InProcessSweepLauncher(baseConfig, TinySweep.Plugins));
        var lines = new List<string>();

        var outcome = new SweepRunner(launcher, lines.Add).Run(plan, parallel: 1, threads: 1);

        outcome.Succeeded.Should().BeTrue();
        launcher.Launched.Should().HaveCount(8);
        outcome.Runs.Should().OnlyContain(r => r.Status == RunStatus.Completed && r.Result!.Iteration == 3);
        lines.Should().Contain(l => l.StartsWith("[8/8] done hidden=6 base_lr=0.05 (seed 1)", StringComparison.Ordinal));
        // Each run is a real training in its own folder, with its own seed and overrides.
        var run = plan.Runs.Single(r => r.Variant.Name == "hidden=6 base_lr=0.05" && r.Seed == 1);
        File.ReadAllText(Path.Combine(run.Folder, "config.yaml")).Should().Contain("hidden: 6").And.Contain("base_lr: 0.05").And.Contain("seed: 1");
        File.Exists(Path.Combine(run.Folder, "checkpoints", "model_final.safetensors")).Should().BeTrue();
        var scores = plan.Runs.ToDictionary(r => (r.Variant.Name, r.Seed), r => RunResult.FinalEvaluation(Path.Combine(r.Folder, MetricsJsonl.FileName))!.Value.Metrics["tiny/score"]);
        scores[("hidden=2 base_lr=0.01", 0)].Should().NotBe(scores[("hidden=2 base_lr=0.01", 1)], "seeds differ");

        var table = SweepTable.Build(plan, plan.Definition.Metrics);
        table.Rows.Should().HaveCount(4);
        foreach (var row in table.Rows)
        {
            var (a, b) = (scores[(row.Variant, 0)], scores[(row.Variant, 1)]);
            row.Seeds.Should().Equal(0, 1);
            row.Metrics[0]!.Mean.Should().BeApproximately((a + b) / 2, 1e-12);
            row.Metrics[0]!.Std.Should().BeApproximately(Math.Abs(a - b) / Math.Sqrt(2), 1e-12);
            row.Metrics[1]!.Mean.Should().BeApproximately(1 - row.Metrics[0]!.Mean, 1e-9, "TinyScore's error = 1 - score");
        }
        var files = SweepReport.Write(table, plan.OutputDir);
        var md = File.ReadAllText(files[1]);
        var first = table.Rows[0].Metrics[0]!;
        md.Should().Contain("| variant | seeds | tiny/score | tiny/error |")
            .And.Contain($"| hidden=2 base_lr=0.01 | 2 | {first.Mean.ToString("0.000", CultureInfo.InvariantCulture)} ± {first.Std.ToString("0.000", CultureInfo.InvariantCulture)} |");
        File.ReadAllLines(files[0]).Should().HaveCount(5).And.Contain(l => l.StartsWith("hidden=6 base_lr=0.05,2,", StringComparison.Ordinal));
        PngCodec.Decode(files[2]).Pixels.Should().Equal(SweepReport.Chart(table).Render().ToImage().Pixels);

        // Second invocation: everything finished, nothing launched, the same table.
        var again = new Counting(new InProcessSweepLauncher(baseConfig, TinySweep.Plugins));
        var second = new SweepRunner(again).Run(plan, 1, 1);
        again.Launched.Should().BeEmpty();
        second.Runs.Should().OnlyContain(r => r.Status == RunStatus.Skipped);
        SweepTable.Build(plan, plan.Definition.Metrics).Should().BeEquivalentTo(table);

        // A run whose training finished but whose result was not recorded is resumed at its end: the same evaluation.
        File.Delete(run.ResultPath);
        var third = new Counting(new InProcessSweepLauncher(baseConfig, TinySweep.Plugins));
        new SweepRunner(third).Run(plan, 1, 1).Runs.Count(r => r.Status == RunStatus.Completed).Should().Be(1);
        third.Launched.Should().Equal(run.Name);
        RunResult.TryRead(run.ResultPath)!.Metrics["tiny/score"].Should().Be(scores[(run.Variant.Name, 1)]);
    }

    [Fact]
    public void An_interrupted_run_is_resumed_and_ends_where_an_uninterrupted_one_does()
    {
        var (plan, baseConfig) = Plan("variants: {v: {model.hidden: 6}}\n");
        var (reference, _) = Plan("variants: {v: {model.hidden: 6}}\n", output: "reference");
        var inProcess = new InProcessSweepLauncher(baseConfig, TinySweep.Plugins);
        // The first launch stops after iteration 1 (as a Ctrl+C would, with a checkpoint) and reports 130.
        var first = new SweepRunner(new Interrupting(inProcess)).Run(plan, 1, 1);
        first.Succeeded.Should().BeFalse();
        first.Failed.Single().Message.Should().Be($"exit code 130 (log: {plan.Runs[0].LogPath})");
        File.Exists(plan.Runs[0].ResultPath).Should().BeFalse();

        var second = new SweepRunner(inProcess).Run(plan, 1, 1);
        var straight = new SweepRunner(inProcess).Run(reference, 1, 1);

        second.Runs.Single().Status.Should().Be(RunStatus.Completed);
        RunManifest.Read(Path.Combine(plan.Runs[0].Folder, RunManifest.FileName)).Start.Should().StartWith("resume ");
        second.Runs.Single().Result!.Metrics["tiny/score"].Should().Be(straight.Runs.Single().Result!.Metrics["tiny/score"], "a CPU resume is exact");
    }

    /// <summary>Trains only 2 of the 4 iterations (its last checkpoint is after iteration 1), then reports an interruption.</summary>
    private sealed class Interrupting(ISweepLauncher inner) : ISweepLauncher
    {
        public int Launch(SweepRun run, int threads, CancellationToken cancellation)
        {
            var code = inner.Launch(run with { Overrides = [.. run.Overrides, "solver.max_iter=2", "solver.steps=[]"] }, threads, cancellation);
            code.Should().Be(0, File.ReadAllText(run.LogPath));
            return 130;
        }
    }

    [Fact]
    public void A_failing_run_is_reported_with_its_log_and_the_others_are_tabulated()
    {
        var (plan, _) = Plan("variants: {good: {model.hidden: 2}, bad: {model.hidden: 3}}\nseeds: 2\n");
        var launcher = new Scripted(run => run.Variant.Name == "bad" && run.Seed == 1 ? (3, 0) : (0, run.Variant.Name == "good" ? 0.5 + (0.2 * run.Seed) : 0.25));
        var outcome = new SweepRunner(launcher).Run(plan, parallel: 2, threads: 5);

        outcome.Failed.Should().ContainSingle().Which.Message.Should().Be($"exit code 3 (log: {Path.Combine(_dir.Path, "out", "bad", "seed1", "sweep.log")})");
        File.ReadAllText(plan.Runs[0].LogPath).Should().Be("threads 2\n", "5 threads split between 2 parallel runs");
        var table = SweepTable.Build(plan, null);
        table.Metrics.Should().Equal(["tiny/error", "tiny/score"], "no default metric is present: the run's own, in name order");
        var good = table.Rows[0].Metrics[1]!;
        (good.Mean, good.Count).Should().Be((0.6, 2));
        good.Std.Should().BeApproximately(0.2 / Math.Sqrt(2), 1e-12);
        table.Rows[1].Metrics[1].Should().Be(new MetricSummary(0.25, 0, 1));
        double.IsNaN(table.Rows[0].Metrics[0]!.Mean).Should().BeTrue("tiny/error was null (non-finite)");
        var md = SweepReport.Markdown(table);
        md.Should().Contain("| good | 2 | NaN ± NaN | 0.600 ± 0.141 |").And.Contain("| bad | 1 of 2 | NaN | 0.250 |");
        SweepReport.Csv(table).Should().Contain("good,2,NaN,NaN,0.6,0.14142135623730948");
        var chart = SweepReport.Chart(table);
        var canvas = chart.Render();
        var (left, _) = chart.BarColumns(0, 1);
        var area = chart.Layout();
        Enumerable.Range(0, canvas.Height).Count(y => canvas[left + 1, y] == ChartPalette.At(1))
            .Should().Be(area.BarHeight(chart.YAxis().Fraction(0.6)));
    }
}
