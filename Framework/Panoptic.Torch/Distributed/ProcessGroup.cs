using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch.Distributed;

/// <summary>
/// A c10d process group (<c>torch.distributed</c>'s default group): <see cref="WorldSize"/> processes that meet
/// through a <see cref="Store"/> and run collectives together. Every collective blocks until it completes on this
/// rank; every rank must call the same collectives in the same order with tensors of the same shapes and dtypes.
/// A peer that died, a collective that does not complete within <see cref="ProcessGroupOptions.Timeout"/> and a
/// mismatch are <see cref="TorchException"/>s. Disposing destroys the group (<c>destroy_process_group</c>).
/// </summary>
public sealed class ProcessGroup : IDisposable
{
    private readonly DistGroupHandle _handle;
    private readonly Store? _ownedStore;

    private ProcessGroup(DistGroupHandle handle, Backend backend, int rank, int worldSize, Store store, bool ownsStore)
    {
        _handle = handle;
        Backend = backend;
        Rank = rank;
        WorldSize = worldSize;
        Store = store;
        _ownedStore = ownsStore ? store : null;
    }

    public Backend Backend { get; }

    public int Rank { get; }

    public int WorldSize { get; }

    /// <summary>The store the group met through (usable for small messages between ranks).</summary>
    public Store Store { get; }

    /// <summary>Whether this build of the shim has <paramref name="backend"/> (Gloo: built with gloo's headers; NCCL: a CUDA build with it).</summary>
    public static bool IsAvailable(Backend backend)
    {
        Torch.Initialize();
        return pn_dist_backend_available((int)backend) == 1;
    }

    /// <summary>A group over an existing store (rank 0 … <paramref name="worldSize"/> − 1 each make one).</summary>
    /// <exception cref="TorchException">The backend is not compiled in, or the rendezvous failed or timed out.</exception>
    public static ProcessGroup Create(Store store, int rank, int worldSize, Backend backend = Backend.Gloo, ProcessGroupOptions? options = null) =>
        Create(store, rank, worldSize, backend, options ?? new ProcessGroupOptions(), (store as TcpStore)?.Host ?? "", ownsStore: false);

    /// <summary>
    /// <c>torch.distributed.init_process_group(backend, init_method="tcp://addr:port", rank, world_size, timeout)</c>:
    /// rank 0 runs a <see cref="TcpStore"/> on <paramref name="masterPort"/>, every rank connects to it, and the group
    /// is made over it. The group owns the store.
    /// </summary>
    /// <exception cref="TorchException">The port is in use, the master cannot be reached in time, or the rendezvous failed.</exception>
    public static ProcessGroup InitProcessGroup(Backend backend, string masterAddr, int masterPort, int rank, int worldSize, ProcessGroupOptions? options = null)
    {
        options ??= new ProcessGroupOptions();
        var store = new TcpStore(masterAddr, masterPort, worldSize, rank == 0, options.Timeout);
        try
        {
            return Create(store, rank, worldSize, backend, options, masterAddr, ownsStore: true);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Reduces <paramref name="tensor"/> across the ranks, in place (<c>all_reduce</c>).</summary>
    public void AllReduce(Tensor tensor, ReduceOp op = ReduceOp.Sum) => AllReduce([tensor], op);

    /// <summary>
    /// Reduces each tensor of the list across the ranks, in place. The list travels as one flat buffer per dtype
    /// (one round trip), so this is how to reduce many small tensors (gradient buckets).
    /// </summary>
    public unsafe void AllReduce(IReadOnlyList<Tensor> tensors, ReduceOp op = ReduceOp.Sum)
    {
        var h = Torch.Handles(tensors);
        fixed (IntPtr* p = h)
            Checked.Status(pn_dist_all_reduce(_handle, p, h.Length, (int)op, 0));
        GC.KeepAlive(tensors);
    }

    /// <summary>Copies rank <paramref name="src"/>'s <paramref name="tensor"/> into every rank's, in place (<c>broadcast</c>).</summary>
    public void Broadcast(Tensor tensor, int src = 0) => Broadcast([tensor], src);

    /// <summary>Broadcasts each tensor of the list from rank <paramref name="src"/>, in place, as one buffer per dtype.</summary>
    public unsafe void Broadcast(IReadOnlyList<Tensor> tensors, int src = 0)
    {
        var h = Torch.Handles(tensors);
        fixed (IntPtr* p = h)
            Checked.Status(pn_dist_broadcast(_handle, p, h.Length, src, 0));
        GC.KeepAlive(tensors);
    }

    /// <summary>Every rank's <paramref name="tensor"/> (same shape and dtype everywhere), in rank order (<c>all_gather</c>).</summary>
    public unsafe Tensor[] AllGather(Tensor tensor) =>
        Tensor.Collect(WorldSize, (IntPtr* o, int cap) => pn_dist_all_gather(_handle, tensor.Handle, o, cap, 0));

    /// <summary>Returns once every rank has called it (<c>barrier</c>).</summary>
    public void Barrier() => Checked.Status(pn_dist_barrier(_handle, 0));

    /// <summary><c>destroy_process_group</c>: the same as <see cref="Dispose"/>.</summary>
    public void DestroyProcessGroup() => Dispose();

    public void Dispose()
    {
        _handle.Dispose();
        _ownedStore?.Dispose();
    }

    private static ProcessGroup Create(Store store, int rank, int worldSize, Backend backend, ProcessGroupOptions options, string masterHost, bool ownsStore)
    {
        Torch.Initialize();
        var handle = new DistGroupHandle(pn_dist_group_new(store.Handle, (int)backend, rank, worldSize,
            (long)options.Timeout.TotalMilliseconds, options.InterfaceHost ?? "", masterHost, options.Threads));
        return new ProcessGroup(handle, backend, rank, worldSize, store, ownsStore);
    }
}
