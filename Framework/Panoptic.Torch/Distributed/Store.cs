using System.Runtime.InteropServices;
using System.Text;
using Panoptic.Torch.Native;
using static Panoptic.Torch.Native.NativeMethods;

namespace Panoptic.Torch.Distributed;

/// <summary>
/// A c10d key-value store shared by the processes of a job (<c>torch.distributed.Store</c>): rendezvous for process
/// groups, and small messages between ranks. Every call is a round trip to the store's server; <see cref="Get"/>
/// waits for the key up to the store's timeout. Failures (the server is gone, a timeout) are <see cref="TorchException"/>s.
/// </summary>
public abstract class Store : IDisposable
{
    private protected Store(DistStoreHandle handle) => Handle = handle;

    internal DistStoreHandle Handle { get; }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> (replacing it).</summary>
    public unsafe void Set(string key, ReadOnlySpan<byte> value)
    {
        fixed (byte* p = value)
            Checked.Status(pn_dist_store_set(Handle, key, p, value.Length));
    }

    /// <summary>Sets <paramref name="key"/> to the UTF-8 bytes of <paramref name="value"/>.</summary>
    public void Set(string key, string value) => Set(key, Encoding.UTF8.GetBytes(value));

    /// <summary>The value of <paramref name="key"/>, waiting (up to the store's timeout) until it is set.</summary>
    /// <exception cref="TorchException">The key was not set in time, or the store cannot be reached.</exception>
    public unsafe byte[] Get(string key)
    {
        var length = pn_dist_store_get(Handle, key);
        if (length < 0)
            throw new TorchException(Checked.TakeError());
        var value = new byte[length];
        fixed (byte* p = value)
            pn_dist_store_take(p, length);
        return value;
    }

    /// <summary><see cref="Get"/> decoded as UTF-8.</summary>
    public string GetString(string key) => Encoding.UTF8.GetString(Get(key));

    /// <summary>Adds <paramref name="delta"/> to the integer at <paramref name="key"/> (0 when unset); returns the new value.</summary>
    public unsafe long Add(string key, long delta)
    {
        long value;
        Checked.Status(pn_dist_store_add(Handle, key, delta, &value));
        return value;
    }

    /// <summary>Whether every key is set (no waiting).</summary>
    public unsafe bool Check(params string[] keys) => WithKeys(keys, (p, n) => Checked.Status(pn_dist_store_check(Handle, p, n))) == 1;

    /// <summary>Waits until every key is set. After a timeout this store object is unusable (c10d's client: the late reply is still in flight); poll with <see cref="Check"/> to wait without a deadline.</summary>
    /// <exception cref="TorchException">Not all were set within <paramref name="timeout"/>, or the store cannot be reached.</exception>
    public unsafe void Wait(IReadOnlyList<string> keys, TimeSpan timeout) =>
        WithKeys(keys, (p, n) => Checked.Status(pn_dist_store_wait(Handle, p, n, (long)timeout.TotalMilliseconds)));

    public void Dispose()
    {
        Handle.Dispose();
        GC.SuppressFinalize(this);
    }

    private unsafe delegate int KeysCall(IntPtr* keys, int n);

    private static unsafe int WithKeys(IReadOnlyList<string> keys, KeysCall call)
    {
        var native = new IntPtr[keys.Count];
        try
        {
            for (var i = 0; i < native.Length; i++)
                native[i] = Marshal.StringToCoTaskMemUTF8(keys[i]);
            fixed (IntPtr* p = native)
                return call(p, native.Length);
        }
        finally
        {
            foreach (var k in native)
                Marshal.FreeCoTaskMem(k);
        }
    }
}
