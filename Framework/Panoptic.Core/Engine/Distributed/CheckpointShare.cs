using Panoptic.Torch;
using Panoptic.Torch.Distributed;

namespace Panoptic.Core.Engine.Distributed;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// Resuming under data parallelism: rank 0 reads its checkpoint file and broadcasts the bytes; every other rank writes
/// them to a temporary file and loads that, so all ranks restore the same model, optimizer, RNG and data position
/// without a shared file system.
/// </summary>
public static class CheckpointShare
{
    /// <summary>
    /// A local path holding rank 0's <paramref name="path"/>: the path itself on rank 0, a temporary copy elsewhere
    /// (delete it with <see cref="Release"/>).
    /// </summary>
    public static string Receive(ProcessGroup group, string path)
    {
        using var scope = Torch.NewDisposeScope();
        var bytes = group.Rank == 0 ? File.ReadAllBytes(path) : [];
        var length = Torch.From(new[] { (long)bytes.Length }, 1);
        group.Broadcast(length, src: 0);
        var n = length.ToArray<long>()[0];
        var content = group.Rank == 0 ? Torch.From(bytes, bytes.LongLength) : Torch.Zeros([n], DType.UInt8);
        group.Broadcast(content, src: 0);
        if (group.Rank == 0)
            return path;
        var copy = Path.Combine(Path.GetTempPath(), $"panoptic-rank{group.Rank}-{Environment.ProcessId}-{Path.GetFileName(path)}");
        File.WriteAllBytes(copy, content.ToArray<byte>());
        return copy;
    }

    /// <summary>Deletes the temporary copy <see cref="Receive"/> made (nothing on rank 0).</summary>
    public static void Release(ProcessGroup group, string local, string original)
    {
        if (group.Rank != 0 && local != original)
            File.Delete(local);
    }
}
