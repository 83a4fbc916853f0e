using System.Reflection;
using System.Runtime.Loader;

namespace Panoptic.Core.Plugins;

/// <summary>A plugin assembly the host loaded, with the context it lives in and why it was loaded.</summary>
/// <param name="Assembly">The plugin's main assembly.</param>
/// <param name="Context">Its folder's load context.</param>
/// <param name="Origin">Where it was named: <c>built-in</c>, a YAML position, <c>--plugin</c> or <c>PANOPTIC_PLUGIN_PATH</c>.</param>
public sealed record LoadedPlugin(Assembly Assembly, AssemblyLoadContext Context, string Origin)
{
    public string Path => Assembly.Location;

    public string Folder => System.IO.Path.GetDirectoryName(Assembly.Location) ?? "";
}
