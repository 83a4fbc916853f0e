using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Plugins;
using Panoptic.Core.Config.Schema;

namespace Panoptic.Core.Registry;

/// <summary>Reads a <see cref="ComponentAttribute"/> into a <see cref="ComponentDescriptor"/>, checking the contract.</summary>
internal static class ComponentDescribing
{
    public static ComponentDescriptor Describe(Type type, ComponentAttribute attribute, IReadOnlyList<ComponentKind> kinds)
    {
        var where = $"{type.FullName} in {type.Assembly.GetName().Name}";
        if (typeof(ConfigOptions).IsAssignableFrom(type))
            return Declaration(type, attribute, kinds, where);
        if (!type.IsClass || type.IsAbstract)
            throw new PluginException($"[Component(\"{attribute.Name}\")] on {where}: components are non-abstract classes");
        var candidates = kinds.Where(k => k.ComponentType.IsAssignableFrom(type)).ToList();
        if (attribute.Kind is { } requested)
            candidates = candidates.Where(k => k.ComponentType == requested).ToList();
        var kind = candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new PluginException(
                $"[Component(\"{attribute.Name}\")] on {where}: it implements no component-kind interface{(attribute.Kind is null ? "" : $" {attribute.Kind.Name}")} (kinds: {string.Join(", ", kinds.Select(k => k.ComponentType.Name))})"),
            _ => throw new PluginException(
                $"[Component(\"{attribute.Name}\")] on {where}: it implements several kinds ({string.Join(", ", candidates.Select(k => k.ComponentType.Name))}); set Kind on the attribute"),
        };
        if (typeof(IModelComponent).IsAssignableFrom(kind.ComponentType) && !typeof(Panoptic.Torch.NN.Module).IsAssignableFrom(type))
            throw new PluginException($"[Component(\"{attribute.Name}\")] on {where}: a {kind.DisplayName} must derive from Panoptic.Torch.NN.Module");
        var options = attribute.Options ?? InferOptions(type, attribute, where, kind);
        CheckOptions(options, attribute, where);
        return new ComponentDescriptor(kind, attribute.Name, options, type, type.Assembly, attribute.Description);
    }

    /// <summary>A factory calling the options constructor <c>(options, context, …services)</c> or <c>(options, …services)</c>.</summary>
    public static ObjectFactory OptionsConstructor(Type type, Type options, Type context)
    {
        try
        {
            return ActivatorUtilities.CreateFactory(type, [options, context]);
        }
        catch (InvalidOperationException)
        {
            // No constructor takes the context too: accept one that takes the options alone.
        }
        try
        {
            var withoutContext = ActivatorUtilities.CreateFactory(type, [options]);
            return (services, arguments) => withoutContext(services, [arguments![0]]);
        }
        catch (InvalidOperationException e)
        {
            throw new PluginException($"{type.FullName} has no usable options constructor ({options.Name} options, {context.Name} context, services…): {e.Message}", e);
        }
    }

    private static ComponentDescriptor Declaration(Type type, ComponentAttribute attribute, IReadOnlyList<ComponentKind> kinds, string where)
    {
        if (attribute.Kind is null)
            throw new PluginException($"[Component(\"{attribute.Name}\")] on options record {where}: set Kind (e.g. Kind = typeof(IMaskHead)) to declare which kind these options configure");
        var kind = kinds.FirstOrDefault(k => k.ComponentType == attribute.Kind)
            ?? throw new PluginException($"[Component(\"{attribute.Name}\")] on {where}: {attribute.Kind.Name} is not a component-kind interface");
        CheckOptions(type, attribute, where);
        return new ComponentDescriptor(kind, attribute.Name, type, null, type.Assembly, attribute.Description);
    }

    private static Type InferOptions(Type type, ComponentAttribute attribute, string where, ComponentKind kind)
    {
        var options = type.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Select(p => p.ParameterType)
            .Where(t => typeof(ComponentOptions).IsAssignableFrom(t) && !t.IsAbstract)
            .Distinct()
            .ToList();
        return options.Count == 1
            ? options[0]
            : throw new PluginException(options.Count == 0
                ? $"[Component(\"{attribute.Name}\")] on {where}: no options constructor; add a public constructor taking its ComponentOptions record and a {kind.ContextType.Name}"
                : $"[Component(\"{attribute.Name}\")] on {where}: constructors take several options records ({string.Join(", ", options.Select(o => o.Name))}); set Options on the attribute");
    }

    private static void CheckOptions(Type options, ComponentAttribute attribute, string where)
    {
        if (!typeof(ComponentOptions).IsAssignableFrom(options))
            throw new PluginException($"[Component(\"{attribute.Name}\")] on {where}: {options.Name} does not derive from ComponentOptions");
        _ = OptionsSchema.For(options);
    }
}
