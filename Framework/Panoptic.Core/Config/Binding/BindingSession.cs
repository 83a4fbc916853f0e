using System.Collections;
using System.Globalization;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Plugins;
using Panoptic.Abstractions.Text;
using Panoptic.Core.Config.Schema;
using Panoptic.Core.Config.Tree;

namespace Panoptic.Core.Config.Binding;

/// <summary>A typed value and the resolved node that shows it, with the source of every part (defaults included).</summary>
internal readonly record struct Bound(object? Value, ConfigNode Node);

/// <summary>
/// Binds config nodes to typed values (options records, component specs, lists, scalars), collecting every error
/// with its source and key path, and builds the resolved tree (defaults filled in) that <c>config show</c> prints.
/// </summary>
internal sealed class BindingSession(IComponentCatalog catalog, List<ConfigError> errors)
{
    /// <summary>Binds <paramref name="node"/> to <paramref name="shape"/>; <paramref name="start"/> is the default it refines.</summary>
    public Bound Value(ConfigNode node, ValueShape shape, string path, object? start, OptionsField? field = null)
    {
        var bound = node switch
        {
            ConfigScalar { IsNull: true } when shape.AcceptsNull => new Bound(null, node),
            ConfigScalar scalar when shape is ComponentShape component => Component(scalar, component, start as ComponentSpec, path),
            ConfigScalar scalar => Scalar(scalar, shape, path, start),
            ConfigSequence sequence when shape is ListShape list => List(sequence, list, path),
            ConfigMapping mapping when shape is OptionsShape options => Options(mapping, options.Type, start as ConfigOptions, path, options.Type.Name),
            ConfigMapping mapping when shape is ComponentShape component => Component(mapping, component, start as ComponentSpec, path),
            _ => Fail(node, path, ScalarConverter.Expected(shape, node), start),
        };
        if (field is not null && ConstraintChecker.Check(field, bound.Value) is { } violation)
            return Fail(node, path, violation, start);
        return bound;
    }

    /// <summary>The resolved form of a default: nested records and components are bound from nothing, so their own defaults show.</summary>
    public Bound Default(object? value, ValueShape shape, string path, ConfigSource source)
    {
        switch (value)
        {
            case null:
                return new Bound(null, new ConfigScalar("null", false, source));
            case ConfigOptions options:
                return Options(new ConfigMapping(source), options.GetType(), options, path, options.GetType().Name);
            case ComponentSpec spec when shape is ComponentShape component:
                return Component(new ConfigMapping(source), component, spec, path);
            case IEnumerable items and not string when shape is ListShape list:
                var sequence = new ConfigSequence(source);
                var values = new List<object?>();
                foreach (var item in items)
                {
                    var bound = Default(item, list.Element, KeyPath.Append(path, values.Count), source);
                    values.Add(bound.Value);
                    sequence.Items.Add(bound.Node);
                }
                return new Bound(list.Create(values), sequence);
            case string relative when shape is StringShape { IsPath: true }:
                var full = Path.GetFullPath(Path.Combine(source.BaseDirectory, relative));
                return new Bound(full, new ConfigScalar(full, true, source));
            default:
                return new Bound(value, new ConfigScalar(Format(value), value is string, source));
        }
    }

    /// <summary>Binds a mapping to an options record, starting from <paramref name="start"/> (or the record's defaults).</summary>
    public Bound Options(ConfigMapping node, Type type, ConfigOptions? start, string path, string owner, string? reservedKey = null)
    {
        var schema = OptionsSchema.For(type);
        var instance = start is null ? schema.CreateDefault() : OptionsSchema.Copy(start);
        var resolved = new ConfigMapping(node.Source);
        var defaultSource = new ConfigSource.Default(owner);
        foreach (var key in node.Keys)
        {
            if (key == reservedKey)
                continue;
            if (schema.Find(key) is null)
            {
                errors.Add(new ConfigError(node.KeySource(key), KeyPath.Append(path, key),
                    $"unknown key for {owner}{NameSuggestions.DidYouMean(key, schema.Keys)} (keys: {string.Join(", ", schema.Keys)})"));
            }
        }
        foreach (var field in schema.Fields)
        {
            var childPath = KeyPath.Append(path, field.Key);
            var current = field.Property.GetValue(instance);
            Bound bound;
            if (node[field.Key] is { } child)
            {
                bound = Value(child, field.Shape, childPath, current, field);
                resolved.Set(field.Key, bound.Node, node.KeySource(field.Key));
            }
            else
            {
                if (field.Required)
                    errors.Add(new ConfigError(node.Source, childPath, $"missing required key '{field.Key}' of {owner} (expected {field.Shape.DescribeWithNull()})"));
                bound = Default(current, field.Shape, childPath, defaultSource);
                resolved.Set(field.Key, bound.Node, defaultSource);
            }
            field.Property.SetValue(instance, bound.Value);
        }
        foreach (var violation in instance.Validate())
        {
            var source = node.ContainsKey(violation.Key) ? node[violation.Key]!.Source : node.Source;
            errors.Add(new ConfigError(source, KeyPath.Append(path, violation.Key), violation.Message));
        }
        return new Bound(instance, resolved);
    }

    private Bound Component(ConfigNode node, ComponentShape shape, ComponentSpec? start, string path)
    {
        var kind = catalog.Kinds.FirstOrDefault(k => k.ComponentType == shape.ComponentType);
        if (kind is null)
            return Fail(node, path, $"no component kind has interface {shape.ComponentType.Name}", start);
        var mapping = node as ConfigMapping;
        var nameNode = mapping is null ? node : mapping[OptionsSchema.NameKey];
        string name;
        ConfigSource nameSource;
        if (nameNode is ConfigScalar { IsNull: false } scalar)
        {
            (name, nameSource) = (scalar.Text, scalar.Source);
        }
        else if (nameNode is null && start is not null)
        {
            (name, nameSource) = (start.Name, new ConfigSource.Default(path));
        }
        else
        {
            var known = string.Join(", ", catalog.ComponentsOf(kind).Select(c => c.Name));
            var message = nameNode is null
                ? $"missing key 'name': which {kind.DisplayName} to use (known: {(known.Length == 0 ? "none" : known)})"
                : $"expected the name of a {kind.DisplayName}, got {nameNode.Describe()}";
            return Fail(nameNode ?? node, KeyPath.Append(path, OptionsSchema.NameKey), message, start);
        }
        ComponentDescriptor descriptor;
        try
        {
            descriptor = catalog.Find(kind, name);
        }
        catch (PluginException e)
        {
            return Fail(nameNode ?? node, KeyPath.Append(path, OptionsSchema.NameKey), e.Message, start);
        }
        var startOptions = start is { Options: { } options } && start.Name == name && options.GetType() == descriptor.OptionsType ? options : null;
        var body = mapping ?? new ConfigMapping(node.Source);
        var owner = $"{descriptor.Name} ({kind.DisplayName})";
        var bound = Options(body, descriptor.OptionsType, startOptions, path, owner, OptionsSchema.NameKey);
        var resolved = new ConfigMapping(node.Source);
        resolved.Set(OptionsSchema.NameKey, new ConfigScalar(name, false, nameSource), nameSource);
        foreach (var (key, value) in ((ConfigMapping)bound.Node).Entries)
            resolved.Set(key, value, ((ConfigMapping)bound.Node).KeySource(key));
        var spec = ((ComponentSpec)Activator.CreateInstance(shape.SpecType, name)!).With(name, (ComponentOptions)bound.Value!);
        return new Bound(spec, resolved);
    }

    private Bound List(ConfigSequence node, ListShape shape, string path)
    {
        var values = new List<object?>();
        var resolved = new ConfigSequence(node.Source);
        for (var i = 0; i < node.Items.Count; i++)
        {
            var bound = Value(node.Items[i], shape.Element, KeyPath.Append(path, i), null);
            values.Add(bound.Value);
            resolved.Items.Add(bound.Node);
        }
        return new Bound(shape.Create(values), resolved);
    }

    private Bound Scalar(ConfigScalar node, ValueShape shape, string path, object? start)
    {
        var (value, error) = ScalarConverter.Convert(node, shape);
        if (error is not null)
            return Fail(node, path, error, start);
        var text = value is null ? "null" : Format(value);
        return new Bound(value, new ConfigScalar(text, value is string, node.Source));
    }

    private Bound Fail(ConfigNode node, string path, string message, object? start)
    {
        errors.Add(new ConfigError(node.Source, path, message));
        return new Bound(start, node);
    }

    /// <summary>A value as YAML scalar text (invariant culture, round-trippable numbers).</summary>
    public static string Format(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        Enum member => KeyNaming.ToSnakeCase(member.ToString()),
        double number => FormatReal(number.ToString("R", CultureInfo.InvariantCulture)),
        float number => FormatReal(number.ToString("R", CultureInfo.InvariantCulture)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string FormatReal(string text) => text switch
    {
        "Infinity" => ".inf",
        "-Infinity" => "-.inf",
        "NaN" => ".nan",
        _ when text.Contains('E', StringComparison.Ordinal) => text.Replace("E", "e", StringComparison.Ordinal),
        _ when text.Contains('.', StringComparison.Ordinal) => text,
        _ => text + ".0",
    };
}
