using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

// native/src/distributed.cpp
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr pn_dist_store_tcp(string host, int port, int worldSize, int isMaster, long timeoutMs, int waitForWorkers);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial IntPtr pn_dist_store_prefix(DistStoreHandle store, string prefix);
    [LibraryImport(Lib)] internal static partial void pn_dist_store_free(IntPtr store);
    [LibraryImport(Lib)] internal static partial int pn_dist_store_port(DistStoreHandle store);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int pn_dist_store_set(DistStoreHandle store, string key, byte* value, long length);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long pn_dist_store_get(DistStoreHandle store, string key);
    [LibraryImport(Lib)] internal static partial long pn_dist_store_take(byte* buffer, long capacity);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int pn_dist_store_add(DistStoreHandle store, string key, long delta, long* value);
    [LibraryImport(Lib)] internal static partial int pn_dist_store_check(DistStoreHandle store, IntPtr* keys, int n);
    [LibraryImport(Lib)] internal static partial int pn_dist_store_wait(DistStoreHandle store, IntPtr* keys, int n, long timeoutMs);

    [LibraryImport(Lib)] internal static partial int pn_dist_backend_available(int backend);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr pn_dist_group_new(DistStoreHandle store, int backend, int rank, int size, long timeoutMs, string interfaceHost, string masterHost, int threads);
    [LibraryImport(Lib)] internal static partial void pn_dist_group_free(IntPtr group);
    [LibraryImport(Lib)] internal static partial int pn_dist_all_reduce(DistGroupHandle group, IntPtr* tensors, int n, int op, long timeoutMs);
    [LibraryImport(Lib)] internal static partial int pn_dist_broadcast(DistGroupHandle group, IntPtr* tensors, int n, int root, long timeoutMs);
    [LibraryImport(Lib)] internal static partial int pn_dist_all_gather(DistGroupHandle group, TensorHandle input, IntPtr* output, int capacity, long timeoutMs);
    [LibraryImport(Lib)] internal static partial int pn_dist_barrier(DistGroupHandle group, long timeoutMs);
}
