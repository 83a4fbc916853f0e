using System.Reflection;
using System.Runtime.Loader;

namespace Panoptic.Core.Plugins;

/// <summary>
/// The load context of one plugin folder (not collectible: libtorch keeps pointers into loaded code). Shared
/// assemblies come from the default context; the plugin's own dependencies from its folder through
/// <see cref="AssemblyDependencyResolver"/> (its <c>.deps.json</c>), then by file name in the folder. Native libraries:
/// the resolver first, then prefix/suffix probing in the folder.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly string[] NativePrefixes = ["", "lib"];
    private static readonly string[] NativeSuffixes = ["", ".so", ".dylib", ".dll"];

    private readonly SharedAssemblies _shared;
    private readonly List<AssemblyDependencyResolver> _resolvers = [];

    public PluginLoadContext(string folder, SharedAssemblies shared)
        : base($"plugin:{Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}", isCollectible: false)
    {
        Folder = folder;
        _shared = shared;
    }

    /// <summary>The plugin folder.</summary>
    public string Folder { get; }

    /// <summary>Adds the dependency resolver of a main assembly in this folder.</summary>
    public void AddMainAssembly(string path) => _resolvers.Add(new AssemblyDependencyResolver(path));

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (_shared.Contains(assemblyName))
            return null;
        var path = _resolvers.Select(r => r.ResolveAssemblyToPath(assemblyName)).FirstOrDefault(p => p is not null)
            ?? Probe($"{assemblyName.Name}.dll");
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolvers.Select(r => r.ResolveUnmanagedDllToPath(unmanagedDllName)).FirstOrDefault(p => p is not null)
            ?? NativeCandidates(unmanagedDllName).Select(Probe).FirstOrDefault(p => p is not null);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    internal static IEnumerable<string> NativeCandidates(string name)
    {
        var file = Path.GetFileName(name);
        var hasPrefix = file.StartsWith("lib", StringComparison.Ordinal);
        var hasSuffix = NativeSuffixes.Any(suffix => suffix.Length > 0 && file.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        foreach (var prefix in hasPrefix ? [""] : NativePrefixes)
        {
            foreach (var suffix in hasSuffix ? [""] : NativeSuffixes)
                yield return prefix + file + suffix;
        }
    }

    private string? Probe(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        return File.Exists(path) ? path : null;
    }
}
