using System.Reflection;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;

namespace Panoptic.Core.Config.Schema;

/// <summary>What a config value must look like, derived from a property's CLR type.</summary>
public abstract record ValueShape(Type ClrType)
{
    /// <summary>True when YAML <c>null</c> is accepted (nullable value types, <c>string?</c>, nullable records and specs).</summary>
    public bool AcceptsNull { get; init; }

    /// <summary>The expected type in words, for messages and schema listings.</summary>
    public abstract string Describe();

    /// <summary>Describe() with "or null" when null is accepted.</summary>
    public string DescribeWithNull() => AcceptsNull ? $"{Describe()} or null" : Describe();
}

/// <summary><c>true</c>/<c>false</c>.</summary>
public sealed record BooleanShape() : ValueShape(typeof(bool))
{
    public override string Describe() => "boolean";
}

/// <summary>An integer type; <see cref="Min"/>/<see cref="Max"/> are the type's limits.</summary>
public sealed record IntegerShape(Type Type, long Min, long Max) : ValueShape(Type)
{
    public override string Describe() => Type == typeof(int) || Type == typeof(long) ? "integer" : $"integer ({Min}..{Max})";
}

/// <summary><c>float</c>/<c>double</c>.</summary>
public sealed record NumberShape(Type Type) : ValueShape(Type)
{
    public override string Describe() => "number";
}

/// <summary>Any scalar text; a path (<c>[ConfigPath]</c>) resolves against the directory of the file that set it.</summary>
public sealed record StringShape(bool IsPath = false) : ValueShape(typeof(string))
{
    public override string Describe() => IsPath ? "path" : "string";
}

/// <summary>An enum: member names, matched case-insensitively with or without underscores.</summary>
public sealed record EnumShape(Type Type) : ValueShape(Type)
{
    public IReadOnlyList<string> Names => Enum.GetNames(Type);

    public override string Describe() => $"one of {string.Join(", ", Names)}";
}

/// <summary>A nested options record (a mapping).</summary>
public sealed record OptionsShape(Type Type) : ValueShape(Type)
{
    public override string Describe() => $"mapping ({Type.Name})";
}

/// <summary>A component of a kind, chosen by <c>name</c>, with that component's options beside it.</summary>
public sealed record ComponentShape(Type SpecType, Type ComponentType) : ValueShape(SpecType)
{
    public override string Describe() => $"{ComponentType.Name} component (mapping with 'name' and its options)";
}

/// <summary>A list; the element shape says what each item must be.</summary>
public sealed record ListShape(Type Type, ValueShape Element) : ValueShape(Type)
{
    public override string Describe() => $"list of {Element.DescribeWithNull()}";

    /// <summary>Creates the CLR collection (array, <c>List&lt;T&gt;</c>) holding <paramref name="items"/>.</summary>
    public object Create(IReadOnlyList<object?> items)
    {
        var array = Array.CreateInstance(Element.ClrType, items.Count);
        for (var i = 0; i < items.Count; i++)
            array.SetValue(items[i], i);
        if (Type.IsArray || Type.IsInterface)
            return array;
        return Activator.CreateInstance(Type, array)!;
    }
}

/// <summary>Maps CLR property types (with their nullability annotations) to shapes.</summary>
public static class ValueShapes
{
    /// <summary>The shape of a property's type; <c>?</c> annotations (also on list elements) allow null.</summary>
    /// <exception cref="NotSupportedException">A type options records cannot use.</exception>
    public static ValueShape For(NullabilityInfo info, bool isPath = false)
    {
        var type = info.Type;
        var nullable = info.ReadState == NullabilityState.Nullable;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Scalar(underlying, isPath) with { AcceptsNull = true };
        if (typeof(ComponentSpec).IsAssignableFrom(type) && type.IsGenericType)
            return new ComponentShape(type, type.GetGenericArguments()[0]) { AcceptsNull = nullable };
        if (typeof(ConfigOptions).IsAssignableFrom(type) && !type.IsAbstract)
            return new OptionsShape(type) { AcceptsNull = nullable };
        if (ElementInfo(info) is { } element)
            return new ListShape(type, For(element, isPath)) { AcceptsNull = nullable };
        return Scalar(type, isPath) with { AcceptsNull = nullable };
    }

    private static ValueShape Scalar(Type type, bool isPath) => type switch
    {
        _ when type == typeof(bool) => new BooleanShape(),
        _ when type == typeof(int) => new IntegerShape(type, int.MinValue, int.MaxValue),
        _ when type == typeof(long) => new IntegerShape(type, long.MinValue, long.MaxValue),
        _ when type == typeof(short) => new IntegerShape(type, short.MinValue, short.MaxValue),
        _ when type == typeof(byte) => new IntegerShape(type, byte.MinValue, byte.MaxValue),
        _ when type == typeof(uint) => new IntegerShape(type, uint.MinValue, uint.MaxValue),
        _ when type == typeof(float) || type == typeof(double) => new NumberShape(type),
        _ when type == typeof(string) => new StringShape(isPath),
        { IsEnum: true } => new EnumShape(type),
        _ => throw new NotSupportedException($"type {type} is not supported in options records"),
    };

    private static NullabilityInfo? ElementInfo(NullabilityInfo info)
    {
        if (info.Type.IsArray)
            return info.ElementType;
        if (!info.Type.IsGenericType)
            return null;
        var definition = info.Type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IList<>)
            || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>)
            ? info.GenericTypeArguments[0]
            : null;
    }
}
