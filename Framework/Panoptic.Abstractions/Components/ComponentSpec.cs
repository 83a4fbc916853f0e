using Panoptic.Abstractions.Config;

namespace Panoptic.Abstractions.Components;

/// <summary>
/// A component chosen by config: its name and its bound options. Options records use
/// <see cref="ComponentSpec{TComponent}"/> properties for sub-components (<c>mask_head: {name: …, num_conv: 4}</c>).
/// </summary>
/// <param name="Name">Short (<c>MaskRCNNConvUpsample</c>) or qualified (<c>Assembly:MaskRCNNConvUpsample</c>) name.</param>
public abstract record ComponentSpec(string Name)
{
    /// <summary>The bound options; null means the component's defaults.</summary>
    public ComponentOptions? Options { get; init; }

    /// <summary>The component-kind interface this spec selects from.</summary>
    public abstract Type ComponentType { get; }

    /// <summary>A spec of the same kind with other options (used by the binder).</summary>
    public abstract ComponentSpec With(string name, ComponentOptions? options);
}

/// <summary>A component of kind <typeparamref name="TComponent"/> chosen by config.</summary>
/// <typeparam name="TComponent">The kind interface, e.g. <c>IMaskHead</c>.</typeparam>
public sealed record ComponentSpec<TComponent>(string Name) : ComponentSpec(Name)
    where TComponent : class
{
    public override Type ComponentType => typeof(TComponent);

    public override ComponentSpec With(string name, ComponentOptions? options) =>
        new ComponentSpec<TComponent>(name) { Options = options };

    /// <summary>A spec with the component's default options; handy as a property default.</summary>
    public static ComponentSpec<TComponent> Named(string name) => new(name);
}
