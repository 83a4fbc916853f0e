namespace Panoptic.Abstractions.Config;

/// <summary>
/// Declares a top-level config section (<c>solver:</c>, <c>runtime:</c>, …) bound to the marked
/// <see cref="ConfigOptions"/> record. The host's sections are declared this way, and a plugin can add its own.
/// </summary>
/// <param name="key">The top-level key.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ConfigSectionAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
