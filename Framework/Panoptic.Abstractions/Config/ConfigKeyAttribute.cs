namespace Panoptic.Abstractions.Config;

/// <summary>Overrides the snake_case key derived from a property name (e.g. <c>[ConfigKey("bbox_reg_weights")]</c>).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ConfigKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
