using Panoptic.Torch.Native;

namespace Panoptic.Torch.Serialization;

/// <summary>
/// Moves tensor bytes between streams and native tensor memory without managed intermediate copies: a tensor is
/// filled in place from a stream, or written out from its (compact CPU) data pointer, in chunks below 2 GiB.
/// </summary>
internal static class TensorMemory
{
    private const int ChunkBytes = 1 << 30;

    /// <summary>Bytes held by <paramref name="numel"/> elements of <paramref name="dtype"/> (checked for overflow).</summary>
    public static long ByteCount(DType dtype, long numel) => checked(numel * dtype.ElementSize());

    /// <summary>
    /// A new compact CPU tensor of the given shape whose bytes are read from <paramref name="source"/> (which must
    /// hold them all: a short stream is an <see cref="EndOfStreamException"/>).
    /// </summary>
    public static Tensor ReadTensor(Stream source, DType dtype, long[] shape)
    {
        var tensor = Torch.Empty(shape, dtype);
        try
        {
            ForEachChunk(tensor, chunk => source.ReadExactly(chunk));
            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }

    /// <summary>Writes the elements of <paramref name="tensor"/> (row-major, any device or strides) to <paramref name="destination"/>; returns the byte count.</summary>
    public static long WriteTensor(Stream destination, Tensor tensor)
    {
        var compact = tensor.Device.Type == DeviceType.Cpu && tensor.IsContiguous ? null : CompactCpuCopy(tensor);
        try
        {
            return ForEachChunk(compact ?? tensor, chunk => destination.Write(chunk));
        }
        finally
        {
            compact?.Dispose();
        }
    }

    /// <summary>
    /// <paramref name="cpu"/> on <paramref name="device"/> (CPU when null); a moved tensor replaces the CPU one, which is
    /// disposed.
    /// </summary>
    public static Tensor MoveTo(Tensor cpu, Device? device)
    {
        if (device is not { } d || d.Type == DeviceType.Cpu) return cpu;
        try
        {
            return cpu.To(d);
        }
        finally
        {
            cpu.Dispose();
        }
    }

    private static Tensor CompactCpuCopy(Tensor tensor)
    {
        using var cpu = tensor.Cpu();
        return cpu.Contiguous();
    }

    private delegate void ChunkAction(Span<byte> chunk);

    /// <summary>Calls <paramref name="action"/> on the bytes of a compact CPU tensor, in order, in chunks; returns the byte count.</summary>
    private static unsafe long ForEachChunk(Tensor tensor, ChunkAction action)
    {
        var total = ByteCount(tensor.DType, tensor.Numel);
        if (total == 0) return 0;
        var data = (byte*)NativeMethods.pn_tensor_data_ptr(tensor.Handle);
        if (data == null) throw new TorchException(Checked.TakeError());
        for (long done = 0; done < total;)
        {
            var n = (int)Math.Min(ChunkBytes, total - done);
            action(new Span<byte>(data + done, n));
            done += n;
        }
        return total;
    }
}
