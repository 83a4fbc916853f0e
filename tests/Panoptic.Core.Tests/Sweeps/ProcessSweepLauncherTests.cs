using FluentAssertions;
using Panoptic.Core.Sweeps;
using Panoptic.Core.Tests.Support;
using Xunit;

namespace Panoptic.Core.Tests.Sweeps;

/// <summary>The child-process launcher, with /bin/sh standing in for <c>panoptic</c>: arguments, threads, log, exit code.</summary>
public sealed class ProcessSweepLauncherTests : IDisposable
{
    private const string FakeTrain = """
        out=""; prev=""
        for a in "$@"; do [ "$prev" = "--output" ] && out="$a"; prev="$a"; done
        echo "args: $*"
        echo "threads $PANOPTIC_NUM_THREADS" >&2
        [ "$FAIL" = "1" ] && case "$out" in *bad*) exit 7;; esac
        printf '{"iteration":0,"total_loss":1.5}\n{"iteration":9,"segm/AP":0.25,"bbox/AP":0.5}\n' > "$out/metrics.jsonl"
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Each_run_is_a_child_process_with_its_arguments_threads_and_log()
    {
        var variants = new[] { new SweepVariant("good", "good", []), new SweepVariant("bad", "bad", []) };
        var definition = new SweepDefinition(Path.Combine(_dir.Path, "s.yaml"), "t", variants, [], null, [0]);
        var runs = variants.Select(v => new SweepRun(v, 0, Path.Combine(_dir.Path, v.Folder, "seed0"), ["model.x=1", "runtime.seed=0"])).ToList();
        var plan = new SweepPlan(definition, "/base.yaml", _dir.Path, [0], runs);
        var launcher = new ProcessSweepLauncher("/bin/sh", ["-c", "FAIL=1; " + FakeTrain, "sh"], "/base.yaml", ["--plugin", "/p"]);

        launcher.Arguments(runs[0], 3).Should().Equal("-c", "FAIL=1; " + FakeTrain, "sh", "train", "--config", "/base.yaml", "--output", runs[0].Folder,
            "--resume", "--plugin", "/p", "model.x=1", "runtime.seed=0", "runtime.threads=3", "runtime.progress=plain");
        var outcome = new SweepRunner(launcher).Run(plan, parallel: 2, threads: 4);

        outcome.Runs[0].Status.Should().Be(RunStatus.Completed);
        outcome.Runs[0].Result!.Metrics.Should().BeEquivalentTo(new Dictionary<string, double> { ["segm/AP"] = 0.25, ["bbox/AP"] = 0.5 });
        outcome.Runs[0].Result!.Iteration.Should().Be(9);
        var log = File.ReadAllText(runs[0].LogPath);
        log.Should().Contain($"args: train --config /base.yaml --output {runs[0].Folder} --resume --plugin /p model.x=1 runtime.seed=0 runtime.threads=2 runtime.progress=plain")
            .And.Contain("threads 2").And.EndWith("# exit code 0\n");
        outcome.Runs[1].Status.Should().Be(RunStatus.Failed);
        outcome.Runs[1].Message.Should().Be($"exit code 7 (log: {runs[1].LogPath})");
        File.ReadAllText(runs[1].LogPath).Should().EndWith("# exit code 7\n");
    }
}
