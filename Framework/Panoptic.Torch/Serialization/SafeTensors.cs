using System.Buffers.Binary;

namespace Panoptic.Torch.Serialization;

/// <summary>
/// The safetensors format (huggingface/safetensors): an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype (<c>F32</c>, <c>BF16</c>, <c>I64</c>, <c>BOOL</c>, ...), shape and <c>data_offsets</c> into the byte
/// buffer that follows, plus an optional <c>__metadata__</c> string map; tensor bytes are little-endian, row-major.
/// Tensors stream straight between the file and tensor memory (no whole-file buffers).
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";

    /// <summary>
    /// Writes <paramref name="tensors"/> (any device or strides; laid out in the given order) atomically: the file
    /// appears complete or not at all, and an existing file is replaced only after the new one is on disk.
    /// </summary>
    /// <exception cref="ArgumentException">A name is duplicated or reserved, or a dtype has no safetensors code.</exception>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tensors);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors writing needs a little-endian machine");
        var items = tensors.ToList();
        var layout = Plan(items);
        var header = SafeTensorsHeaderWriter.Encode(layout, metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            for (var i = 0; i < items.Count; i++)
            {
                var written = TensorMemory.WriteTensor(stream, items[i].Value);
                if (written != layout[i].ByteLength)
                    throw new InvalidOperationException($"tensor '{layout[i].Name}' changed size while {path} was being written");
            }
        });
    }

    /// <summary>Loads every tensor, in header order, onto <paramref name="device"/> (CPU when null), with the metadata.</summary>
    /// <exception cref="CheckpointFormatException">The file is not valid safetensors (names the file and the tensor).</exception>
    public static TensorDictionary Load(string path, Device? device = null)
    {
        using var file = OpenRead(path);
        var header = SafeTensorsHeaderReader.Read(file, path);
        var loaded = new List<KeyValuePair<string, Tensor>>(header.Tensors.Count);
        try
        {
            foreach (var t in header.Tensors)
            {
                file.Position = header.DataStart + t.Begin;
                var cpu = ReadData(file, t, path);
                loaded.Add(new(t.Name, TensorMemory.MoveTo(cpu, device)));
            }
            return new TensorDictionary(loaded, header.Metadata);
        }
        catch
        {
            foreach (var (_, t) in loaded) t.Dispose();
            throw;
        }
    }

    /// <summary>Reads and validates the header only: names, dtypes, shapes, offsets and metadata.</summary>
    /// <exception cref="CheckpointFormatException">The header is malformed or inconsistent with the file size.</exception>
    public static SafeTensorsHeader ReadHeader(string path)
    {
        using var file = OpenRead(path);
        return SafeTensorsHeaderReader.Read(file, path);
    }

    private static FileStream OpenRead(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors reading needs a little-endian machine");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
    }

    private static Tensor ReadData(FileStream file, SafeTensorInfo info, string path)
    {
        try
        {
            return TensorMemory.ReadTensor(file, info.DType, info.Shape);
        }
        catch (EndOfStreamException e)
        {
            throw new CheckpointFormatException(path, $"tensor '{info.Name}': file ended inside its data (truncated while reading?)", e);
        }
    }

    private static List<SafeTensorInfo> Plan(List<KeyValuePair<string, Tensor>> items)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var layout = new List<SafeTensorInfo>(items.Count);
        long offset = 0;
        foreach (var (name, tensor) in items)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(items));
            ArgumentNullException.ThrowIfNull(tensor, nameof(items));
            if (name == MetadataKey) throw new ArgumentException($"'{MetadataKey}' is reserved and cannot name a tensor", nameof(items));
            if (!names.Add(name)) throw new ArgumentException($"duplicate tensor name '{name}'", nameof(items));
            var dtype = tensor.DType;
            if (!Enum.IsDefined(dtype))
                throw new ArgumentException($"tensor '{name}' has dtype code {(int)dtype}, which safetensors cannot store", nameof(items));
            var bytes = TensorMemory.ByteCount(dtype, tensor.Numel);
            layout.Add(new SafeTensorInfo(name, dtype, tensor.Shape, offset, offset + bytes));
            offset += bytes;
        }
        return layout;
    }
}
