using Panoptic.Core.Config.Binding;
using Panoptic.Core.Config.Output;
using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Engine.Checkpointing;

/// <summary>
/// The resolved config a run uses, as YAML (written to <c>config.yaml</c>, the manifest and checkpoints) and as
/// dotted keys (<c>solver.base_lr</c> → <c>0.02</c>; a list of scalars is one value <c>[60000, 80000]</c>, a list of
/// mappings is indexed: <c>dataset.train.0.name</c>) for comparing runs.
/// </summary>
public sealed record ConfigSnapshot(string Yaml, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>No config (runs built by hand, in tests).</summary>
    public static ConfigSnapshot Empty { get; } = new("", new Dictionary<string, string>());

    public static ConfigSnapshot From(ResolvedConfig config) => new(ConfigWriter.Write(config.Tree, provenance: false), Flatten(config.Tree));

    /// <summary>Dotted keys and scalar texts of a config tree, in tree order.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(ConfigMapping root)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(values, "", root);
        return values;
    }

    private static void Add(Dictionary<string, string> values, string key, ConfigNode node)
    {
        switch (node)
        {
            case ConfigMapping { Count: > 0 } mapping:
                foreach (var (child, value) in mapping.Entries)
                    Add(values, Join(key, child), value);
                break;
            case ConfigMapping:
                values[key] = "{}";
                break;
            case ConfigSequence sequence when sequence.Items.All(i => i is ConfigScalar):
                values[key] = "[" + string.Join(", ", sequence.Items.Cast<ConfigScalar>().Select(Text)) + "]";
                break;
            case ConfigSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                    Add(values, Join(key, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), sequence.Items[i]);
                break;
            case ConfigScalar scalar:
                values[key] = Text(scalar);
                break;
        }
    }

    private static string Text(ConfigScalar scalar) => scalar.IsNull ? "null" : scalar.Text;

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + "." + key;
}
