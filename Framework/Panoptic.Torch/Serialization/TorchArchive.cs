using System.IO.Compression;
using System.Text;
using Panoptic.Torch.Serialization.Pickle;

namespace Panoptic.Torch.Serialization;

/// <summary>
/// The zip container <c>torch.save</c> writes (PyTorch ≥ 1.6): <c>&lt;name&gt;/data.pkl</c>, one record
/// <c>&lt;name&gt;/data/&lt;key&gt;</c> per storage (raw little-endian elements), <c>&lt;name&gt;/version</c> and,
/// from PyTorch 2.x, <c>&lt;name&gt;/byteorder</c>. Archive problems become <see cref="CheckpointFormatException"/>s.
/// </summary>
internal sealed class TorchArchive : IDisposable
{
    private const string PickleRecord = "data.pkl";

    private readonly string _path;
    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly string _prefix;

    private TorchArchive(string path, FileStream file, ZipArchive zip, string prefix)
    {
        _path = path;
        _file = file;
        _zip = zip;
        _prefix = prefix;
    }

    /// <summary>The pickle's name inside the archive, for messages.</summary>
    public string PickleName => _prefix + PickleRecord;

    public static TorchArchive Open(string path)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("checkpoint reading needs a little-endian machine");
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        try
        {
            CheckMagic(file, path);
            var zip = OpenZip(file, path);
            try
            {
                var archive = new TorchArchive(path, file, zip, FindPrefix(zip, path));
                archive.CheckByteOrder();
                return archive;
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The bytes of <c>data.pkl</c>.</summary>
    public byte[] ReadPickle()
    {
        var entry = _zip.GetEntry(PickleName)!;
        return Guard(PickleName, () =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream(checked((int)entry.Length));
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>A new 1-D CPU tensor with the <see cref="PickleStorage.Numel"/> elements of a storage record.</summary>
    public Tensor ReadStorage(PickleStorage storage)
    {
        var name = $"{_prefix}data/{storage.Key}";
        var entry = _zip.GetEntry(name)
            ?? throw new CheckpointFormatException(_path, $"storage record '{name}' is missing");
        var bytes = storage.Numel <= long.MaxValue / storage.DType.ElementSize()
            ? TensorMemory.ByteCount(storage.DType, storage.Numel)
            : long.MaxValue;
        if (entry.Length < bytes)
            throw new CheckpointFormatException(_path,
                $"storage record '{name}' holds {entry.Length} bytes but {storage.Numel} {storage.DType.Name()} elements need {bytes}");
        return Guard(name, () =>
        {
            using var stream = entry.Open();
            return TensorMemory.ReadTensor(stream, storage.DType, [storage.Numel]);
        });
    }

    public void Dispose()
    {
        _zip.Dispose();
        _file.Dispose();
    }

    private T Guard<T>(string record, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new CheckpointFormatException(_path, $"record '{record}' is damaged or truncated: {e.Message}", e);
        }
    }

    private static void CheckMagic(FileStream file, string path)
    {
        Span<byte> magic = stackalloc byte[4];
        var n = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        file.Position = 0;
        if (n == 4 && magic.SequenceEqual("PK\u0003\u0004"u8)) return;
        if (n >= 1 && magic[0] == 0x80)
            throw new CheckpointFormatException(path,
                "this is the legacy (pre-1.6, non-zip) torch.save format, which is not supported; re-save it with a current PyTorch");
        throw new CheckpointFormatException(path, n < 4
            ? $"file is {n} bytes, too short for a PyTorch checkpoint"
            : "not a PyTorch checkpoint (no zip signature at the start)");
    }

    private static ZipArchive OpenZip(FileStream file, string path)
    {
        try
        {
            var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            try
            {
                _ = zip.Entries.Count;    // the central directory is read lazily: read it here, inside the guard
                return zip;
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }
        catch (InvalidDataException e)
        {
            throw new CheckpointFormatException(path, $"zip archive is damaged or truncated: {e.Message}", e);
        }
    }

    /// <summary>The <c>&lt;name&gt;/</c> folder holding the top-level <c>data.pkl</c>.</summary>
    private static string FindPrefix(ZipArchive zip, string path)
    {
        var pickles = zip.Entries
            .Select(e => e.FullName)
            .Where(n => n.EndsWith("/" + PickleRecord, StringComparison.Ordinal) && n.IndexOf('/') == n.Length - PickleRecord.Length - 1)
            .ToList();
        if (pickles.Count == 1) return pickles[0][..^PickleRecord.Length];
        if (pickles.Count > 1)
            throw new CheckpointFormatException(path, $"archive holds several pickles ({string.Join(", ", pickles)})");
        if (zip.Entries.Any(e => e.FullName.EndsWith("constants.pkl", StringComparison.Ordinal)))
            throw new CheckpointFormatException(path, "this is a TorchScript archive (torch.jit.save), not a torch.save checkpoint");
        throw new CheckpointFormatException(path, $"archive has no <name>/{PickleRecord} (entries: {string.Join(", ", zip.Entries.Take(5).Select(e => e.FullName))})");
    }

    private void CheckByteOrder()
    {
        var entry = _zip.GetEntry(_prefix + "byteorder");
        if (entry is null) return;
        var order = Guard(entry.FullName, () =>
        {
            using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
            return reader.ReadToEnd().Trim();
        });
        if (order != "little")
            throw new CheckpointFormatException(_path, $"checkpoint was written with byte order '{order}'; only little-endian checkpoints are supported");
    }
}
