using System.Security.Cryptography;

namespace Panoptic.Torch;

/// <summary>
/// Writes files all-or-nothing: the content goes to <c>path.tmp-&lt;random&gt;</c> next to it, is flushed to disk, and
/// only then renamed over <c>path</c>. A failure while writing deletes the temporary file and leaves any old file
/// untouched, so readers see either the old content or the complete new one.
/// </summary>
public static class AtomicFile
{
    private const int BufferBytes = 1 << 20;

    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
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

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, s => s.Write(bytes));

    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // best effort: the original exception is the one that matters
        }
    }
}
