using Panoptic.Abstractions.Config;

namespace Panoptic.Abstractions.Components;

/// <summary>
/// Registers a component under <see cref="Name"/> in the registry of its kind.
/// </summary>
/// <remarks>
/// <para>On a class that implements one component-kind interface (for example <c>IMaskHead</c>): the kind is that
/// interface (set <see cref="Kind"/> only when the class implements several), the options record is the
/// <see cref="ComponentOptions"/> parameter of its options constructor (or <see cref="Options"/>).</para>
/// <para>On a <see cref="ComponentOptions"/> record: declares the component's configuration schema before its
/// implementation exists (<see cref="Kind"/> is then required). Such a component validates in configs and is listed
/// by <c>panoptic plugins list</c>, but building it is an error until a class takes the attribute over.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ComponentAttribute(string name) : Attribute
{
    /// <summary>The name configs use (<c>name: MaskRCNNConvUpsample</c>); unique per kind and assembly.</summary>
    public string Name { get; } = name;

    /// <summary>The component-kind interface (e.g. <c>typeof(IMaskHead)</c>); inferred for implementation classes.</summary>
    public Type? Kind { get; init; }

    /// <summary>The options record; inferred from the options constructor of an implementation class.</summary>
    public Type? Options { get; init; }

    /// <summary>One line shown by <c>panoptic plugins list</c>.</summary>
    public string? Description { get; init; }
}
