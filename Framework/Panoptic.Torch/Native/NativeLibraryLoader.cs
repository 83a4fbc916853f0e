using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Panoptic.Torch.Native;

/// <summary>
/// Loads the shim (<c>libpanoptic_torch.so</c>, which pulls in libtorch) once, explicitly, and on failure throws with
/// the list of every place that was tried. Candidates, in order: <c>PANOPTIC_NATIVE_LIB</c> (a file), the folder of
/// this assembly, the application base folder, then <c>artifacts/native/</c> of an enclosing source checkout.
/// </summary>
internal static class NativeLibraryLoader
{
    internal const string LibraryName = "panoptic_torch";
    private const string FileName = "libpanoptic_torch.so";
    private static IntPtr s_handle;

    // The resolver must be in place before the first P/Invoke of this assembly, whoever makes it.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != LibraryName) return IntPtr.Zero;
        if (s_handle != IntPtr.Zero) return s_handle;
        lock (typeof(NativeLibraryLoader))
        {
            if (s_handle == IntPtr.Zero) s_handle = Load();
            return s_handle;
        }
    }

    private static IntPtr Load()
    {
        var trace = new List<string>();
        foreach (var candidate in Candidates())
        {
            if (!File.Exists(candidate))
            {
                trace.Add($"  {candidate}: not found");
                continue;
            }
            try
            {
                var handle = NativeLibrary.Load(candidate);
                trace.Clear();
                return handle;
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                trace.Add($"  {candidate}: {e.Message}");
            }
        }
        throw new DllNotFoundException(
            $"Panoptic could not load its libtorch shim ({FileName}). Tried:\n{string.Join('\n', trace)}\n" +
            "Build it with `dotnet build` (it runs CMake) after installing libtorch: ./Tools/setup/ensure-deps.sh; " +
            "or point PANOPTIC_NATIVE_LIB at a built copy. A load error about libtorch/libc10 means libtorch itself " +
            "is missing (apt-get install libtorch-dev) or, for a custom TORCH_DIR, not on the library path.");
    }

    private static IEnumerable<string> Candidates()
    {
        var env = Environment.GetEnvironmentVariable("PANOPTIC_NATIVE_LIB");
        if (!string.IsNullOrEmpty(env)) yield return env;
        var here = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location);
        if (!string.IsNullOrEmpty(here)) yield return Path.Combine(here, FileName);
        yield return Path.Combine(AppContext.BaseDirectory, FileName);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Panoptic.sln")))
            {
                yield return Path.Combine(dir.FullName, "artifacts", "native", FileName);
                yield break;
            }
        }
    }
}
