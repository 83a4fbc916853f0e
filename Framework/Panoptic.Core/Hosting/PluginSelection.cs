namespace Panoptic.Core.Hosting;

/// <summary>Which plugin sources a runtime loads besides the config's <c>plugins:</c> list.</summary>
public sealed record PluginSelection
{
    /// <summary>Paths given with <c>--plugin</c>.</summary>
    public IReadOnlyList<string> CommandLine { get; init; } = [];

    /// <summary>Load the built-in plugins (<c>artifacts/plugins/*</c>).</summary>
    public bool BuiltIn { get; init; } = true;

    /// <summary>Where the built-in plugins are; null finds <c>artifacts/plugins</c> above the host or the working directory.</summary>
    public string? BuiltInRoot { get; init; }

    /// <summary>Load the paths of <c>PANOPTIC_PLUGIN_PATH</c>.</summary>
    public bool Environment { get; init; } = true;

    /// <summary>Every source: built-in, environment, command line.</summary>
    public static PluginSelection Default { get; } = new();
}
