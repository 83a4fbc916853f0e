using Panoptic.Core.Config.Schema;
using Panoptic.Core.Config.Tree;
using Panoptic.Abstractions.Text;

namespace Panoptic.Core.Config.Binding;

/// <summary>Scalar text to typed values, strictly: a quoted <c>"4"</c> is not an integer, <c>1.5</c> is not an integer.</summary>
internal static class ScalarConverter
{
    /// <summary>The converted value, or an error message naming the expected type.</summary>
    public static (object? Value, string? Error) Convert(ConfigScalar scalar, ValueShape shape)
    {
        if (scalar.IsNull)
            return shape.AcceptsNull ? (null, null) : (null, Expected(shape, scalar));
        switch (shape)
        {
            case BooleanShape:
                return scalar.AsBoolean() is { } flag ? (flag, null) : (null, Expected(shape, scalar));
            case IntegerShape integer:
                if (scalar.AsInteger() is not { } number)
                    return (null, Expected(shape, scalar));
                if (number < integer.Min || number > integer.Max)
                    return (null, $"expected {shape.Describe()}, got {number}, which does not fit in {integer.Type.Name} ({integer.Min}..{integer.Max})");
                return (System.Convert.ChangeType(number, integer.Type, System.Globalization.CultureInfo.InvariantCulture), null);
            case NumberShape real:
                if (scalar.AsNumber() is not { } value)
                    return (null, Expected(shape, scalar));
                return (real.Type == typeof(float) ? (float)value : value, null);
            case StringShape path when path.IsPath:
                return (Path.GetFullPath(Path.Combine(scalar.Source.BaseDirectory, scalar.Text)), null);
            case StringShape:
                return (scalar.Text, null);
            case EnumShape enumeration:
                var match = enumeration.Names.FirstOrDefault(name => Normalize(name) == Normalize(scalar.Text));
                return match is not null
                    ? (Enum.Parse(enumeration.Type, match), null)
                    : (null, Expected(shape, scalar) + NameSuggestions.DidYouMean(scalar.Text, enumeration.Names));
            default:
                return (null, Expected(shape, scalar));
        }
    }

    public static string Expected(ValueShape shape, ConfigNode got) => $"expected {shape.DescribeWithNull()}, got {got.Describe()}";

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
