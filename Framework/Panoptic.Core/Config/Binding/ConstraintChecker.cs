using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Panoptic.Core.Config.Schema;

namespace Panoptic.Core.Config.Binding;

/// <summary>Checks <c>[Range]</c> (each element of a list), <c>[Length]</c>/<c>[MinLength]</c>/<c>[MaxLength]</c> and <c>[AllowedValues]</c>.</summary>
internal static class ConstraintChecker
{
    /// <summary>The first violated constraint in words, or null.</summary>
    public static string? Check(OptionsField field, object? value)
    {
        if (value is null)
            return null;
        if (field.Range is { } range)
        {
            var values = value is IEnumerable items and not string ? items.Cast<object?>() : [value];
            foreach (var item in values)
            {
                if (item is not null && !InRange(range, item))
                    return $"{Format(item)} is out of range: expected {field.Shape.Describe()} in {field.DescribeConstraints()}";
            }
        }
        var count = value switch
        {
            string text => text.Length,
            ICollection collection => collection.Count,
            _ => (int?)null,
        };
        if (count is { } n)
        {
            var min = field.Length?.MinimumLength ?? field.MinLength;
            var max = field.Length?.MaximumLength ?? field.MaxLength;
            if ((min is not null && n < min) || (max is not null && max >= 0 && n > max))
                return $"has length {n}: expected {field.Shape.Describe()} with {field.DescribeConstraints()}";
        }
        if (field.Pattern is { } pattern && value is string str && !System.Text.RegularExpressions.Regex.IsMatch(str, pattern))
            return $"\"{str}\" does not match: expected {field.Shape.Describe()} {field.DescribeConstraints()}";
        if (field.Allowed is { } allowed && !allowed.Any(a => Equals(a, value)))
            return $"{Format(value)} is not allowed: expected {field.DescribeConstraints()}";
        return null;
    }

    private static bool InRange(RangeAttribute range, object value)
    {
        var x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var min = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
        var max = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
        var aboveMin = range.MinimumIsExclusive ? x > min : x >= min;
        var belowMax = range.MaximumIsExclusive ? x < max : x <= max;
        return aboveMin && belowMax;
    }

    private static string Format(object value) => value is string s ? $"\"{s}\"" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
