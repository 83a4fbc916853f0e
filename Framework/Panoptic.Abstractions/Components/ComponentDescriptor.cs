using Panoptic.Abstractions.Config;
using System.Reflection;

namespace Panoptic.Abstractions.Components;

/// <summary>What the registry knows of one component: where it comes from, its options record and its class.</summary>
/// <param name="Kind">The kind whose registry holds it.</param>
/// <param name="Name">The short name configs use.</param>
/// <param name="OptionsType">Its <see cref="ComponentOptions"/> record: the schema of its config node.</param>
/// <param name="ImplementationType">The class built from the options; null while only the options are declared.</param>
/// <param name="Assembly">The assembly that declared it.</param>
/// <param name="Description">One line for listings, from <see cref="ComponentAttribute.Description"/>.</param>
public sealed record ComponentDescriptor(
    ComponentKind Kind, string Name, Type OptionsType, Type? ImplementationType, Assembly Assembly, string? Description = null)
{
    /// <summary>Simple name of the declaring assembly.</summary>
    public string AssemblyName => Assembly.GetName().Name ?? "?";

    /// <summary>Version of the declaring assembly (informational version when present).</summary>
    public string Version =>
        Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? Assembly.GetName().Version?.ToString() ?? "?";

    /// <summary><c>Assembly:Name</c>, the spelling that picks this component when several assemblies use the name.</summary>
    public string QualifiedName => $"{AssemblyName}:{Name}";

    /// <summary>True when the component can be built (it has an implementation class).</summary>
    public bool IsBuildable => ImplementationType is not null;

    /// <summary>File the declaring assembly was loaded from (empty for in-memory assemblies).</summary>
    public string Location => Assembly.Location;
}
