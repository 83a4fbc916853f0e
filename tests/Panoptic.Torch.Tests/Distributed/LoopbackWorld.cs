using Panoptic.Torch.Distributed;

namespace Panoptic.Torch.Tests.Distributed;

/// <summary>
/// A Gloo world of <c>n</c> ranks inside the test process, one thread per rank, meeting on loopback through a
/// <see cref="TcpStore"/> on a free port (the master store picks it; the others connect to it). Each rank's body runs
/// with its own group; the first exception of any rank is rethrown (the others are reported with it).
/// </summary>
internal static class LoopbackWorld
{
    public static T[] Run<T>(int n, Func<ProcessGroup, T> body, TimeSpan? timeout = null)
    {
        var options = new ProcessGroupOptions { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        using var master = new TcpStore("127.0.0.1", 0, n, isMaster: true, options.Timeout, waitForWorkers: false);
        var results = new T[n];
        var errors = new Exception?[n];
        var threads = Enumerable.Range(0, n).Select(rank => new Thread(() =>
        {
            try
            {
                using var store = rank == 0 ? null : new TcpStore("127.0.0.1", master.Port, n, isMaster: false, options.Timeout, waitForWorkers: false);
                using var group = ProcessGroup.Create(store ?? master, rank, n, Backend.Gloo, options);
                using var scope = Torch.NewDisposeScope();
                results[rank] = body(group);
            }
            catch (Exception e)
            {
                errors[rank] = e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var failed = errors.Select((e, rank) => (e, rank)).Where(x => x.e is not null).ToList();
        if (failed.Count > 0)
            throw new AggregateException($"rank(s) {string.Join(", ", failed.Select(f => f.rank))} failed", failed.Select(f => f.e!));
        return results;
    }
}
