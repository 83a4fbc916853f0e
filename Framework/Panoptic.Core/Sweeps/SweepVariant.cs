using Panoptic.Abstractions.Config;

namespace Panoptic.Core.Sweeps;

/// <summary>One override a sweep file sets: the dotted key, its value as flow YAML, and where the sweep file wrote it.</summary>
public sealed record SweepOverride(string Key, string Value, ConfigSource Source)
{
    /// <summary>The <c>key.path=value</c> text given to the config loader.</summary>
    public string Text => $"{Key}={Value}";
}

/// <summary>A named set of overrides: one row of the result table.</summary>
/// <param name="Name">Shown in tables and charts.</param>
/// <param name="Folder">Folder name under the sweep output (unique within the sweep).</param>
/// <param name="Overrides">What it sets, in file order.</param>
public sealed record SweepVariant(string Name, string Folder, IReadOnlyList<SweepOverride> Overrides);
