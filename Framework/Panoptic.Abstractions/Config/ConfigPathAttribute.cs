namespace Panoptic.Abstractions.Config;

/// <summary>
/// Marks a <c>string</c> (or list of strings) property as a file-system path: a relative value is resolved against
/// the directory of the YAML file that set it (the working directory for command-line overrides and defaults).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ConfigPathAttribute : Attribute;
