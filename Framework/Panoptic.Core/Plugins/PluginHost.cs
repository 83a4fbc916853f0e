using System.Reflection;
using Panoptic.Abstractions.Plugins;

namespace Panoptic.Core.Plugins;

/// <summary>
/// Loads plugins, one <see cref="System.Runtime.Loader.AssemblyLoadContext"/> per folder. A path may name a plugin
/// assembly (<c>.dll</c>), a plugin folder (its main assembly is <c>&lt;folder name&gt;.dll</c>, else the assembly
/// of its single <c>.deps.json</c>, else its single <c>.dll</c>), or a folder of plugin folders (no assembly of its
/// own, e.g. <c>artifacts/plugins</c>). The same assembly path is loaded once.
/// </summary>
public sealed class PluginHost(SharedAssemblies? shared = null)
{
    private readonly SharedAssemblies _shared = shared ?? SharedAssemblies.Default;
    private readonly Dictionary<string, PluginLoadContext> _contexts = new(StringComparer.Ordinal);
    private readonly List<LoadedPlugin> _plugins = [];
    private readonly List<string> _scanned = [];

    /// <summary>Plugins loaded so far, in load order.</summary>
    public IReadOnlyList<LoadedPlugin> Plugins => _plugins;

    /// <summary>The locations looked at, each with its origin, for "not found" messages.</summary>
    public IReadOnlyList<string> ScannedLocations => _scanned;

    /// <summary>Records a location that was looked for but not there (shown in "not found" messages).</summary>
    public void NoteMissing(string location) => _scanned.Add(location);

    /// <summary>Loads every source, in order.</summary>
    public void LoadAll(IEnumerable<PluginSource> sources)
    {
        foreach (var source in sources)
            Load(source.Path, source.Origin);
    }

    /// <summary>Loads the plugin(s) at <paramref name="path"/>.</summary>
    /// <exception cref="PluginException">The path does not exist, holds no plugin, or an assembly fails to load.</exception>
    public IReadOnlyList<LoadedPlugin> Load(string path, string origin)
    {
        var full = System.IO.Path.GetFullPath(path);
        _scanned.Add($"{full} ({origin})");
        if (File.Exists(full))
            return [LoadAssembly(full, origin)];
        if (!Directory.Exists(full))
            throw new PluginException($"plugin path '{path}' ({origin}) does not exist (resolved to {full})");
        if (MainAssembly(full) is { } main)
            return [LoadAssembly(main, origin)];
        var children = Directory.GetDirectories(full).Order(StringComparer.Ordinal).Where(d => MainAssembly(d) is not null).ToList();
        if (children.Count == 0)
            throw new PluginException($"plugin folder '{path}' ({origin}) holds no plugin assembly and no plugin folders (looked in {full})");
        return children.Select(child => LoadAssembly(MainAssembly(child)!, origin)).ToList();
    }

    /// <summary>The main assembly of a plugin folder, or null when the folder has none of its own.</summary>
    private static string? MainAssembly(string folder)
    {
        var named = System.IO.Path.Combine(folder, System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(folder)) + ".dll");
        if (File.Exists(named))
            return named;
        var deps = Directory.GetFiles(folder, "*.deps.json");
        if (deps.Length == 1)
        {
            var fromDeps = System.IO.Path.Combine(folder, System.IO.Path.GetFileName(deps[0])[..^".deps.json".Length] + ".dll");
            if (File.Exists(fromDeps))
                return fromDeps;
        }
        var dlls = Directory.GetFiles(folder, "*.dll");
        if (dlls.Length > 1)
            throw new PluginException($"plugin folder {folder} has several assemblies and none is named {System.IO.Path.GetFileName(named)}; name the main one with a path to its .dll");
        return dlls.Length == 1 ? dlls[0] : null;
    }

    private LoadedPlugin LoadAssembly(string path, string origin)
    {
        if (_plugins.FirstOrDefault(p => string.Equals(p.Path, path, StringComparison.Ordinal)) is { } known)
            return known;
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (!_contexts.TryGetValue(folder, out var context))
        {
            context = new PluginLoadContext(folder, _shared);
            _contexts[folder] = context;
        }
        context.AddMainAssembly(path);
        Assembly assembly;
        try
        {
            assembly = context.LoadFromAssemblyPath(path);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw new PluginException($"cannot load plugin assembly {path} ({origin}): {e.Message}", e);
        }
        var plugin = new LoadedPlugin(assembly, context, origin);
        _plugins.Add(plugin);
        return plugin;
    }
}
