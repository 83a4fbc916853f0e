namespace Panoptic.Core.Plugins;

/// <summary>
/// Where plugins come from, in load order: the built-in plugins (<c>artifacts/plugins/&lt;Name&gt;/</c> under the
/// repository root, where every <c>Plugins/*</c> project builds to), <c>PANOPTIC_PLUGIN_PATH</c> (a
/// <see cref="Path.PathSeparator"/>-separated list), the config's <c>plugins:</c> entries, then <c>--plugin</c>.
/// </summary>
public static class PluginDiscovery
{
    /// <summary>The environment variable listing extra plugin paths.</summary>
    public const string EnvironmentVariable = "PANOPTIC_PLUGIN_PATH";

    /// <summary>The built-in plugin folder, relative to the repository root.</summary>
    public const string BuiltInFolder = "artifacts/plugins";

    /// <summary>
    /// The first <c>artifacts/plugins</c> found walking up from the host's directory, then from the working
    /// directory; null when there is none (nothing built yet).
    /// </summary>
    public static string? FindBuiltInRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, BuiltInFolder);
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>Paths from <c>PANOPTIC_PLUGIN_PATH</c>.</summary>
    public static IEnumerable<PluginSource> FromEnvironment() =>
        (Environment.GetEnvironmentVariable(EnvironmentVariable) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(path => new PluginSource(path, EnvironmentVariable));

    /// <summary>The built-in plugins, when they have been built.</summary>
    public static IEnumerable<PluginSource> BuiltIn(string? root = null)
    {
        root ??= FindBuiltInRoot();
        return root is not null && Directory.EnumerateDirectories(root).Any() ? [new PluginSource(root, "built-in")] : [];
    }
}
