using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Config.Output;

/// <summary>Scalar text for YAML output: strings are quoted exactly when a plain scalar would read differently.</summary>
internal static class Scalars
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    public static string Value(ConfigScalar scalar)
    {
        if (!scalar.Quoted)
            return scalar.Text.Length == 0 ? "null" : scalar.Text;
        var probe = new ConfigScalar(scalar.Text, false, scalar.Source);
        var readsAsOther = probe.IsNull || probe.AsBoolean() is not null || probe.AsNumber() is not null;
        return readsAsOther || NeedsQuotes(scalar.Text) ? Quote(scalar.Text) : scalar.Text;
    }

    public static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static bool NeedsQuotes(string text) =>
        text.Length == 0
        || Indicators.Contains(text[0])
        || char.IsWhiteSpace(text[0])
        || char.IsWhiteSpace(text[^1])
        || text.Contains(": ", StringComparison.Ordinal)
        || text.Contains(" #", StringComparison.Ordinal)
        || text.Any(char.IsControl);

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
