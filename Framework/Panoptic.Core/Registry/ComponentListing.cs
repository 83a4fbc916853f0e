using System.Collections;
using System.Text;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Core.Config.Binding;
using Panoptic.Core.Config.Schema;

namespace Panoptic.Core.Registry;

/// <summary>Text listing of components with their options schema (what <c>panoptic plugins list</c> prints).</summary>
public static class ComponentListing
{
    /// <summary>Each component: kind, name, assembly, version, location, then one line per option key.</summary>
    public static string Write(IEnumerable<ComponentDescriptor> components)
    {
        var output = new StringBuilder();
        foreach (var group in components.GroupBy(c => c.Kind))
        {
            output.Append($"{group.Key.Name} ({group.Key.ComponentType.Name}, built with {group.Key.ContextType.Name})\n");
            foreach (var component in group)
            {
                var status = component.IsBuildable ? "" : "  [options only: no implementation yet]";
                output.Append($"  {component.Name}  {component.AssemblyName} {component.Version}{status}\n");
                output.Append($"    from {component.Location}\n");
                if (component.Description is { } description)
                    output.Append($"    {description}\n");
                WriteSchema(output, OptionsSchema.For(component.OptionsType), OptionsSchema.For(component.OptionsType).CreateDefault(), "", "    ");
            }
        }
        return output.ToString();
    }

    /// <summary>One line per key: <c>key: type = default  (constraints)  description</c>; nested records indent.</summary>
    public static void WriteSchema(StringBuilder output, OptionsSchema schema, ConfigOptions defaults, string prefix, string indent)
    {
        foreach (var field in schema.Fields)
        {
            var value = field.Property.GetValue(defaults);
            var line = new StringBuilder($"{indent}{prefix}{field.Key}: {field.Shape.DescribeWithNull()}");
            line.Append(field.Required ? " (required)" : $" = {Describe(value)}");
            if (field.DescribeConstraints() is { Length: > 0 } constraints)
                line.Append($"  [{constraints}]");
            if (field.Description is { } description)
                line.Append($"  — {description}");
            output.Append(line).Append('\n');
            if (value is ConfigOptions nested && field.Shape is OptionsShape)
                WriteSchema(output, OptionsSchema.For(nested.GetType()), nested, $"{prefix}{field.Key}.", indent);
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        ComponentSpec spec => $"{{name: {spec.Name}}}",
        ConfigOptions => "{…}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        _ => BindingSession.Format(value),
    };
}
