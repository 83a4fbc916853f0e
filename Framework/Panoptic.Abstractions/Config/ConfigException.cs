namespace Panoptic.Abstractions.Config;

/// <summary>
/// The config is invalid: every problem found, each naming file:line:column (or the override), the key path and
/// the expected type or range. The command line maps it to exit code 2.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<ConfigError> errors) : base(Format(errors))
    {
        Errors = errors;
    }

    public ConfigException(ConfigError error) : this([error])
    {
    }

    /// <summary>The problems, in the order they were found.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    private static string Format(IReadOnlyList<ConfigError> errors) => errors.Count switch
    {
        0 => "invalid config",
        1 => errors[0].ToString(),
        _ => $"{errors.Count} config errors:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors),
    };
}
