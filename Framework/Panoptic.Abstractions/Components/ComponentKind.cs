using System.Reflection;
using Panoptic.Abstractions.Plugins;

namespace Panoptic.Abstractions.Components;

/// <summary>A component kind: its interface, the context its constructor receives and its registry type.</summary>
/// <param name="Name">Snake-case name (<c>mask_head</c>).</param>
/// <param name="DisplayName">Human name (<c>mask head</c>).</param>
/// <param name="ComponentType">The interface every component of the kind implements.</param>
/// <param name="ContextType">What the builder passes next to the options (input shapes, class count, …).</param>
/// <param name="RegistryType">The registry class, next to the interface.</param>
public sealed record ComponentKind(string Name, string DisplayName, Type ComponentType, Type ContextType, Type RegistryType)
{
    /// <summary>Reads the kind declared by a registry class (its <see cref="ComponentKindAttribute"/> and generic arguments).</summary>
    /// <exception cref="PluginException">The type is not a registry class with a <see cref="ComponentKindAttribute"/>.</exception>
    public static ComponentKind FromRegistry(Type registryType)
    {
        var attribute = registryType.GetCustomAttribute<ComponentKindAttribute>()
            ?? throw new PluginException($"{registryType.FullName} has no [ComponentKind] attribute.");
        for (var type = registryType.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ComponentRegistry<,>))
            {
                var arguments = type.GetGenericArguments();
                return new ComponentKind(attribute.Name, attribute.DisplayName, arguments[0], arguments[1], registryType);
            }
        }
        throw new PluginException($"{registryType.FullName} does not derive from ComponentRegistry<TComponent, TContext>.");
    }

    /// <summary>True for registry classes that declare a kind.</summary>
    public static bool IsRegistry(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.IsDefined(typeof(ComponentKindAttribute), inherit: false);

    public override string ToString() => Name;
}
