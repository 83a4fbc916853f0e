using FluentAssertions;
using Panoptic.Core.Engine.Distributed;
using Xunit;

namespace Panoptic.Core.Tests.Engine.Distributed;

/// <summary>The launcher's supervision with <c>/bin/sh</c> standing in for the workers (no training).</summary>
public sealed class LocalLauncherTests
{
    private static (int Code, string Log) Launch(string script, int processes = 2)
    {
        var log = new StringWriter();
        // sh -c SCRIPT --rank R …: $0 = --rank, $1 = the rank.
        var code = new LocalLauncher(new WorkerCommand("/bin/sh", ["-c", script]), processes, TextWriter.Synchronized(log)) { RelayRankZeroOutput = true }.Run();
        return (code, log.ToString());
    }

    [Fact]
    public void The_root_cause_wins_over_a_peer_that_exited_first_with_a_lost_connection()
    {
        var (code, log) = Launch("""
            if [ "$1" = 0 ]; then echo "TorchException: [../gloo/transport/tcp/pair.cc:598] Connection closed by peer" >&2; exit 1; fi
            sleep 1; echo "error: loss became infinite or NaN at iteration 1" >&2; exit 3
            """);

        code.Should().Be(3, log);
        log.Should().Contain("worker rank 1 failed with exit code 3").And.Contain("loss became infinite or NaN");
    }

    [Fact]
    public void Without_a_root_cause_the_first_failure_is_reported_and_success_is_zero()
    {
        Launch("""if [ "$1" = 1 ]; then echo "boom" >&2; exit 5; fi; exit 0""").Code.Should().Be(5);
        Launch("exit 0", processes: 3).Code.Should().Be(0);
        Launch("exit 130").Code.Should().Be(LocalLauncher.Interrupted);
    }
}
