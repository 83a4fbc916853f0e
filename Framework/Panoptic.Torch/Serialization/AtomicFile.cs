using System.Security.Cryptography;

namespace Panoptic.Torch.Serialization;

/// <summary>
/// Writes a file all-or-nothing: the content goes to <c>path.tmp-&lt;random&gt;</c> next to it, is flushed to disk,
/// and only then renamed over <c>path</c>. A failure while writing deletes the temporary file and leaves any old
/// <c>path</c> untouched.
/// </summary>
internal static class AtomicFile
{
    private const int BufferBytes = 1 << 20;

    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temp = $"{full}.tmp-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // best effort: the original exception is the one that matters
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
