using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

/// <summary>The C library's environment, which native libraries read (the managed environment is a copy on Unix).</summary>
internal static partial class LibC
{
    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    /// <summary>
    /// Sets <paramref name="name"/> for native code and for child processes, unless already set. Must run before the
    /// library that reads it is loaded. Returns false where the C library cannot be reached (not glibc).
    /// </summary>
    internal static bool SetDefault(string name, string value)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) return true;
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            return setenv(name, value, 0) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
