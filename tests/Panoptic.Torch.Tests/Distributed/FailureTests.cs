using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Panoptic.Torch.Distributed;

namespace Panoptic.Torch.Tests.Distributed;

/// <summary>Timeouts, dead peers, bad ports and missing backends come back as <see cref="TorchException"/>s, never as a hang or an abort.</summary>
public sealed class FailureTests
{
    [Fact]
    public void A_collective_a_peer_never_joins_times_out_with_a_torch_exception()
    {
        using var failed = new ManualResetEventSlim();
        var outcome = LoopbackWorld.Run(2, g =>
        {
            if (g.Rank == 1)
            {
                failed.Wait(TimeSpan.FromSeconds(30)); // alive and connected, but never joining the collective
                return (Error: (Exception?)null, Seconds: 0.0);
            }
            var clock = Stopwatch.StartNew();
            var error = Record.Exception(() => g.AllReduce(Torch.Ones([4])));
            failed.Set();
            return (Error: (Exception?)error, Seconds: clock.Elapsed.TotalSeconds);
        }, timeout: TimeSpan.FromSeconds(1.5));

        outcome[0].Error.Should().BeOfType<TorchException>().Which.Message.Should().MatchRegex("(?i)time(d)? ?out");
        outcome[0].Seconds.Should().BeInRange(1.0, 20);
    }

    [Fact]
    public void A_peer_that_leaves_makes_the_others_collective_fail_instead_of_hanging()
    {
        var outcome = LoopbackWorld.Run(2, g =>
        {
            g.Barrier();
            if (g.Rank == 1)
            {
                g.Dispose();
                return (Exception?)null;
            }
            Thread.Sleep(200);
            return Record.Exception(() =>
            {
                for (var i = 0; i < 3; i++)
                    g.AllReduce(Torch.Ones([1000]));
            });
        }, timeout: TimeSpan.FromSeconds(10));

        outcome[0].Should().BeOfType<TorchException>();
    }

    [Fact]
    public void A_client_store_with_no_master_times_out()
    {
        var port = FreePort();
        var clock = Stopwatch.StartNew();
        var act = () => new TcpStore("127.0.0.1", port, 2, isMaster: false, TimeSpan.FromSeconds(1));
        act.Should().Throw<TorchException>();
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_master_store_on_a_port_in_use_is_an_error()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var act = () => new TcpStore("127.0.0.1", port, 1, isMaster: true, TimeSpan.FromSeconds(2));
        act.Should().Throw<TorchException>();
    }

    [Fact]
    public void An_out_of_range_port_or_rank_is_an_error_with_a_message()
    {
        var port = () => new TcpStore("127.0.0.1", 70000, 1, isMaster: true, TimeSpan.FromSeconds(1));
        port.Should().Throw<TorchException>().WithMessage("*port 70000 is outside 0..65535*");
        using var store = new TcpStore("127.0.0.1", 0, 1, isMaster: true, TimeSpan.FromSeconds(2));
        var rank = () => ProcessGroup.Create(store, 2, 2);
        rank.Should().Throw<TorchException>().WithMessage("*rank 2 is outside 0..1*");
    }

    [Fact]
    public void Nccl_on_a_build_without_it_says_so()
    {
        if (ProcessGroup.IsAvailable(Backend.Nccl))
            return;
        using var store = new TcpStore("127.0.0.1", 0, 1, isMaster: true, TimeSpan.FromSeconds(2));
        var act = () => ProcessGroup.Create(store, 0, 1, Backend.Nccl);
        act.Should().Throw<TorchException>().WithMessage("*nccl backend is not compiled into libpanoptic_torch*");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
