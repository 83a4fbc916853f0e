using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch.Distributed;

/// <summary>
/// A view of another store whose keys are prefixed with <c>prefix/</c> (<c>torch.distributed.PrefixStore</c>), so
/// several groups or users can share one <see cref="TcpStore"/>. It keeps the underlying store alive.
/// </summary>
public sealed class PrefixStore(string prefix, Store store) : Store(new DistStoreHandle(pn_dist_store_prefix(store.Handle, prefix)))
{
    public string Prefix { get; } = prefix;
}
