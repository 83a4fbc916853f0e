namespace Panoptic.Evaluation.IO;

/// <summary>
/// Writes files so that a reader never sees a half-written one: the content goes to a temporary file in the same
/// folder, which is then renamed over the target (an atomic replace on one file system).
/// </summary>
public static class AtomicFile
{
    /// <summary>Creates or replaces <paramref name="path"/> with what <paramref name="write"/> puts in the stream.</summary>
    /// <param name="path">Target file; its folder is created when missing.</param>
    /// <param name="write">Writes the whole content; the stream is flushed and closed afterwards.</param>
    /// <param name="durable">Also flush the operating system's buffers to disk before the rename (slower).</param>
    public static void Write(string path, Action<Stream> write, bool durable = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? ".";
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(durable);
            }
            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Creates or replaces <paramref name="path"/> with <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes, bool durable = false) =>
        Write(path, stream => stream.Write(bytes), durable);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
