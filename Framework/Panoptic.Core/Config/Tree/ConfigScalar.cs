using System.Globalization;
using Panoptic.Abstractions.Config;

namespace Panoptic.Core.Config.Tree;

/// <summary>A scalar as written: its text and whether it was quoted (a quoted <c>"4"</c> is a string, a plain <c>4</c> a number).</summary>
public sealed class ConfigScalar(string text, bool quoted, ConfigSource source) : ConfigNode(source)
{
    /// <summary>The scalar's text (after <c>${env:…}</c> interpolation).</summary>
    public string Text { get; } = text;

    /// <summary>True when written quoted or tagged <c>!!str</c>: always a string.</summary>
    public bool Quoted { get; } = quoted;

    /// <summary>Plain <c>null</c>, <c>~</c> or empty.</summary>
    public bool IsNull => !Quoted && Text is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>A plain <c>true</c>/<c>false</c> (any case); null otherwise.</summary>
    public bool? AsBoolean() =>
        Quoted ? null
        : Text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
        : Text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>A plain integer (decimal, <c>0x</c> hex, <c>_</c> separators); null otherwise.</summary>
    public long? AsInteger()
    {
        if (Quoted)
            return null;
        var text = Text.Replace("_", "", StringComparison.Ordinal);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>A plain number (integer, decimal, exponent, <c>.inf</c>, <c>.nan</c>); null otherwise.</summary>
    public double? AsNumber()
    {
        if (Quoted)
            return null;
        switch (Text.ToLowerInvariant())
        {
            case ".inf" or "+.inf":
                return double.PositiveInfinity;
            case "-.inf":
                return double.NegativeInfinity;
            case ".nan":
                return double.NaN;
        }
        if (AsInteger() is { } integer)
            return integer;
        var text = Text.Replace("_", "", StringComparison.Ordinal);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public override ConfigNode Clone(ConfigSource? source = null) => new ConfigScalar(Text, Quoted, source ?? Source);

    public override string Describe() =>
        IsNull ? "null"
        : Quoted ? $"string \"{Text}\""
        : AsBoolean() is not null ? $"boolean {Text}"
        : AsInteger() is not null ? $"integer {Text}"
        : AsNumber() is not null ? $"number {Text}"
        : $"string '{Text}'";
}
