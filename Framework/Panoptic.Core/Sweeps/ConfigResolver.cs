using Panoptic.Core.Config.Binding;
using Panoptic.Core.Config.Loading;
using Panoptic.Core.Config.Tree;
using Panoptic.Core.Hosting;

namespace Panoptic.Core.Sweeps;

/// <summary>
/// Resolves a base config under different overrides with the config system's own strict validation: the plugins are
/// loaded once (from the base config with the command-line overrides), then each override set is loaded and bound
/// against the same components and sections.
/// </summary>
public sealed class ConfigResolver
{
    private readonly PanopticRuntime _runtime;

    /// <exception cref="Panoptic.Abstractions.Config.ConfigException">The base config (with <paramref name="overrides"/>) is invalid.</exception>
    public ConfigResolver(string baseConfig, IReadOnlyList<string> overrides, PluginSelection plugins)
    {
        BaseConfig = Path.GetFullPath(baseConfig);
        _runtime = PanopticRuntime.Load(BaseConfig, overrides, plugins);
        BaseKeys = KeysOf(_runtime.Config!.Tree);
    }

    public string BaseConfig { get; }

    /// <summary>Every dotted key path of the resolved base config (defaults included; list items by index).</summary>
    public IReadOnlySet<string> BaseKeys { get; }

    /// <summary>The base config under <paramref name="overrides"/>, validated.</summary>
    /// <exception cref="Panoptic.Abstractions.Config.ConfigException">Every problem, each naming the override or file that set it.</exception>
    public ResolvedConfig Resolve(IReadOnlyList<string> overrides) =>
        ConfigBinder.Bind(ConfigLoader.Load(BaseConfig, overrides), _runtime.Sections, _runtime.Components);

    private static HashSet<string> KeysOf(ConfigMapping root)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Walk(ConfigNode node, string path)
        {
            if (path.Length > 0)
                keys.Add(path);
            switch (node)
            {
                case ConfigMapping mapping:
                    foreach (var (key, value) in mapping.Entries)
                        Walk(value, KeyPath.Append(path, key));
                    break;
                case ConfigSequence sequence:
                    for (var i = 0; i < sequence.Items.Count; i++)
                        Walk(sequence.Items[i], KeyPath.Append(path, i));
                    break;
            }
        }
        Walk(root, "");
        return keys;
    }
}
