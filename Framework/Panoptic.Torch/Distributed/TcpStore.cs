using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch.Distributed;

/// <summary>
/// <c>torch.distributed.TCPStore</c>: the master runs the server (in a background thread of its process), every rank
/// (the master included) is a client. A client retries the connection until <c>timeout</c>; a port in use, a host that
/// does not resolve or a master that never comes up is a <see cref="TorchException"/>.
/// </summary>
public sealed class TcpStore : Store
{
    /// <param name="host">The master's address (what clients connect to; the master binds all interfaces).</param>
    /// <param name="port">The master's port; 0 on the master picks a free one (read it from <see cref="Port"/>).</param>
    /// <param name="worldSize">How many stores join (the master included).</param>
    /// <param name="isMaster">Run the server here.</param>
    /// <param name="timeout">Connection, <see cref="Store.Get"/> and <see cref="Store.Wait"/> timeout.</param>
    /// <param name="waitForWorkers">Return only once <paramref name="worldSize"/> stores have joined (all must agree on it).</param>
    public TcpStore(string host, int port, int worldSize, bool isMaster, TimeSpan timeout, bool waitForWorkers = true)
        : base(Create(host, port, worldSize, isMaster, timeout, waitForWorkers))
    {
        Host = host;
        Port = pn_dist_store_port(Handle);
        Timeout = timeout;
    }

    public string Host { get; }

    /// <summary>The server's port (the one picked when 0 was asked for).</summary>
    public int Port { get; }

    public TimeSpan Timeout { get; }

    private static DistStoreHandle Create(string host, int port, int worldSize, bool isMaster, TimeSpan timeout, bool waitForWorkers)
    {
        Torch.Initialize();
        return new DistStoreHandle(pn_dist_store_tcp(host, port, worldSize, isMaster ? 1 : 0, (long)timeout.TotalMilliseconds, waitForWorkers ? 1 : 0));
    }
}
