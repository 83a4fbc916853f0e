using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Panoptic.Core.Config.Schema;

/// <summary>One key of an options record: its property, shape, default, constraints and documentation.</summary>
public sealed class OptionsField
{
    internal OptionsField(string key, PropertyInfo property, ValueShape shape, bool required, string? description)
    {
        Key = key;
        Property = property;
        Shape = shape;
        Required = required;
        Description = description;
        Range = property.GetCustomAttribute<RangeAttribute>();
        Length = property.GetCustomAttribute<LengthAttribute>();
        MinLength = property.GetCustomAttribute<MinLengthAttribute>()?.Length;
        MaxLength = property.GetCustomAttribute<MaxLengthAttribute>()?.Length;
        Allowed = property.GetCustomAttribute<AllowedValuesAttribute>()?.Values;
        Pattern = property.GetCustomAttribute<RegularExpressionAttribute>()?.Pattern;
    }

    /// <summary>The snake_case key.</summary>
    public string Key { get; }

    public PropertyInfo Property { get; }

    public ValueShape Shape { get; }

    /// <summary>A C# <c>required</c> property: the key must be set.</summary>
    public bool Required { get; }

    /// <summary>The property's XML-doc summary (or <c>[Description]</c>), for listings.</summary>
    public string? Description { get; }

    /// <summary><c>[Range]</c>; on a list it bounds each element.</summary>
    public RangeAttribute? Range { get; }

    /// <summary><c>[Length]</c> on a list or string.</summary>
    public LengthAttribute? Length { get; }

    public int? MinLength { get; }

    public int? MaxLength { get; }

    /// <summary><c>[AllowedValues]</c>.</summary>
    public IReadOnlyList<object?>? Allowed { get; }

    /// <summary><c>[RegularExpression]</c> a string must match.</summary>
    public string? Pattern { get; }

    /// <summary>The constraints in words (<c>range [1, 64]</c>, <c>length 2..4</c>, <c>one of "", "GN"</c>), or empty.</summary>
    public string DescribeConstraints()
    {
        var parts = new List<string>();
        if (Range is not null)
            parts.Add(DescribeRange(Range));
        if (Length is not null)
            parts.Add($"length {Length.MinimumLength}..{Length.MaximumLength}");
        if (MinLength is not null)
            parts.Add($"length ≥ {MinLength}");
        if (MaxLength is not null)
            parts.Add($"length ≤ {MaxLength}");
        if (Allowed is not null)
            parts.Add("one of " + string.Join(", ", Allowed.Select(v => v is string s ? $"\"{s}\"" : Convert.ToString(v, CultureInfo.InvariantCulture))));
        if (Pattern is not null)
            parts.Add($"matching /{Pattern}/");
        return string.Join(", ", parts);
    }

    private static string DescribeRange(RangeAttribute range)
    {
        var open = range.MinimumIsExclusive ? "(" : "[";
        var close = range.MaximumIsExclusive ? ")" : "]";
        return $"range {open}{Convert.ToString(range.Minimum, CultureInfo.InvariantCulture)}, {Convert.ToString(range.Maximum, CultureInfo.InvariantCulture)}{close}";
    }
}
