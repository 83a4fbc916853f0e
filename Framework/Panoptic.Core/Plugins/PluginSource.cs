namespace Panoptic.Core.Plugins;

/// <summary>A path to load plugins from and where it was named.</summary>
/// <param name="Path">Assembly, plugin folder, or folder of plugin folders.</param>
/// <param name="Origin">For messages: <c>built-in</c>, <c>config.yaml:3:5</c>, <c>--plugin</c>, <c>PANOPTIC_PLUGIN_PATH</c>.</param>
public sealed record PluginSource(string Path, string Origin);
