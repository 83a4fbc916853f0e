using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Sweeps;

/// <summary>Writes a config node as one line of flow YAML that reads back as the same node (for <c>key=value</c> overrides).</summary>
internal static class FlowYaml
{
    private const string FlowIndicators = ",[]{}#&*!|>'\"%@`";

    public static string Write(ConfigNode node) => node switch
    {
        ConfigScalar scalar => Scalar(scalar),
        ConfigSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Write)) + "]",
        ConfigMapping mapping => "{" + string.Join(", ", mapping.Entries.Select(e => $"{Key(e.Key)}: {Write(e.Value)}")) + "}",
        _ => throw new ArgumentException($"cannot write a {node.Describe()} as YAML"),
    };

    /// <summary>The value as a short display string (scalars as their text, collections as flow YAML).</summary>
    public static string Display(ConfigNode node) => node is ConfigScalar scalar ? scalar.Text : Write(node);

    private static string Scalar(ConfigScalar scalar)
    {
        if (!scalar.Quoted)
            return scalar.Text.Length == 0 ? "null" : NeedsQuotes(scalar.Text) ? Quote(scalar.Text) : scalar.Text;
        return Quote(scalar.Text);
    }

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static bool NeedsQuotes(string text) =>
        text.Length == 0 || text.Any(c => FlowIndicators.Contains(c) || char.IsControl(c)) || text.Contains(": ", StringComparison.Ordinal)
        || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]);

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
