using Panoptic.Torch.Distributed;

namespace Panoptic.Torch.Tests.Distributed;

/// <summary>The TCPStore's key-value calls between a master and a client on loopback.</summary>
public sealed class StoreTests
{
    [Fact]
    public void Set_get_add_check_and_prefixes_between_master_and_client()
    {
        using var master = new TcpStore("127.0.0.1", 0, 2, isMaster: true, TimeSpan.FromSeconds(10), waitForWorkers: false);
        using var client = new TcpStore("127.0.0.1", master.Port, 2, isMaster: false, TimeSpan.FromSeconds(10), waitForWorkers: false);
        master.Port.Should().BeGreaterThan(0);

        master.Set("greeting", "hello");
        client.GetString("greeting").Should().Be("hello");
        client.Set("bytes", new byte[] { 0, 255, 7 });
        master.Get("bytes").Should().Equal(0, 255, 7);
        master.Add("count", 2).Should().Be(2);
        client.Add("count", 5).Should().Be(7);
        client.Check("greeting", "count").Should().BeTrue();
        client.Check("missing").Should().BeFalse();

        using var prefixed = new PrefixStore("run1", client);
        prefixed.Set("greeting", "other");
        master.GetString("greeting").Should().Be("hello");
        master.GetString("run1/greeting").Should().Be("other");
    }

    [Fact]
    public async Task Wait_returns_when_another_client_sets_the_key_and_times_out_when_nobody_does()
    {
        using var master = new TcpStore("127.0.0.1", 0, 3, isMaster: true, TimeSpan.FromSeconds(10), waitForWorkers: false);
        using var setter = new TcpStore("127.0.0.1", master.Port, 3, isMaster: false, TimeSpan.FromSeconds(10), waitForWorkers: false);
        var later = Task.Run(() =>
        {
            Thread.Sleep(200);
            setter.Set("soon", "x");
        });
        master.Wait(["soon"], TimeSpan.FromSeconds(5));
        await later;

        // c10d's TCPStore client is unusable after a timed-out wait (the late reply is still in flight): a fresh one here.
        using var waiter = new TcpStore("127.0.0.1", master.Port, 3, isMaster: false, TimeSpan.FromSeconds(10), waitForWorkers: false);
        var act = () => waiter.Wait(["never"], TimeSpan.FromMilliseconds(300));
        act.Should().Throw<TorchException>().WithMessage("*Timeout*");
    }
}
