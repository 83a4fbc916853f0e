namespace Panoptic.Abstractions.Components;

/// <summary>
/// Marks a <see cref="ComponentRegistry{TComponent, TContext}"/> subclass as the registry of one component kind.
/// </summary>
/// <param name="name">Snake-case kind name used in messages and by <c>plugins list --kind</c> (e.g. <c>mask_head</c>).</param>
/// <param name="displayName">Human name used in messages (e.g. <c>mask head</c>).</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ComponentKindAttribute(string name, string displayName) : Attribute
{
    public string Name { get; } = name;

    public string DisplayName { get; } = displayName;
}
