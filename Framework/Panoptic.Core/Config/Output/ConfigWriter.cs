using System.Text;
using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Config.Output;

/// <summary>
/// Writes a config tree as YAML that loads back to the same values; with provenance, each value is followed by a
/// comment naming the file:line:column, override or default that set it.
/// </summary>
public static class ConfigWriter
{
    private const int CommentColumn = 56;

    public static string Write(ConfigMapping root, bool provenance)
    {
        var output = new StringBuilder();
        WriteMapping(output, root, 0, provenance);
        return output.ToString();
    }

    private static void WriteMapping(StringBuilder output, ConfigMapping mapping, int indent, bool provenance)
    {
        foreach (var (key, value) in mapping.Entries)
            WriteEntry(output, new string(' ', indent) + Scalars.Key(key) + ":", value, indent, provenance);
    }

    private static void WriteEntry(StringBuilder output, string prefix, ConfigNode value, int indent, bool provenance)
    {
        switch (value)
        {
            case ConfigMapping { Count: > 0 } mapping:
                output.Append(prefix).Append('\n');
                WriteMapping(output, mapping, indent + 2, provenance);
                break;
            case ConfigSequence { Items.Count: > 0 } sequence when !IsFlow(sequence, provenance):
                output.Append(prefix).Append('\n');
                WriteSequence(output, sequence, indent + 2, provenance);
                break;
            default:
                Line(output, $"{prefix} {Flow(value)}", value, provenance);
                break;
        }
    }

    private static void WriteSequence(StringBuilder output, ConfigSequence sequence, int indent, bool provenance)
    {
        var pad = new string(' ', indent);
        foreach (var item in sequence.Items)
        {
            if (item is ConfigMapping { Count: > 0 } mapping)
            {
                var first = true;
                foreach (var (key, value) in mapping.Entries)
                {
                    WriteEntry(output, (first ? pad + "- " : pad + "  ") + Scalars.Key(key) + ":", value, indent + 2, provenance);
                    first = false;
                }
            }
            else if (item is ConfigSequence { Items.Count: > 0 } inner && !IsFlow(inner, provenance))
            {
                output.Append(pad).Append("-\n");
                WriteSequence(output, inner, indent + 2, provenance);
            }
            else
            {
                Line(output, $"{pad}- {Flow(item)}", item, provenance);
            }
        }
    }

    /// <summary>Lists of scalars (or of such lists) go on one line unless their items were set from different places.</summary>
    private static bool IsFlow(ConfigSequence sequence, bool provenance) =>
        sequence.Items.All(item => item is ConfigScalar || (item is ConfigSequence inner && IsFlow(inner, provenance)) || item is ConfigMapping { Count: 0 })
        && (!provenance || Leaves(sequence).All(leaf => SameOrigin(leaf.Source, sequence.Source)));

    /// <summary>Same file (any position), or the same override or default.</summary>
    private static bool SameOrigin(ConfigSource a, ConfigSource b) =>
        a is ConfigSource.File fa && b is ConfigSource.File fb ? fa.Path == fb.Path : a == b;

    private static IEnumerable<ConfigNode> Leaves(ConfigNode node) =>
        node is ConfigSequence sequence ? sequence.Items.SelectMany(Leaves) : [node];

    private static string Flow(ConfigNode node) => node switch
    {
        ConfigScalar scalar => Scalars.Value(scalar),
        ConfigSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Flow)) + "]",
        ConfigMapping { Count: 0 } => "{}",
        ConfigMapping mapping => "{" + string.Join(", ", mapping.Entries.Select(e => $"{Scalars.Key(e.Key)}: {Flow(e.Value)}")) + "}",
        _ => "",
    };

    private static void Line(StringBuilder output, string text, ConfigNode node, bool provenance)
    {
        output.Append(text);
        if (provenance)
            output.Append(' ', Math.Max(2, CommentColumn - text.Length)).Append("# ").Append(node.Source);
        output.Append('\n');
    }
}
