namespace Panoptic.Abstractions.Config;

/// <summary>One problem in a config: where it was set, which key, and what is wrong (with the expected type or range).</summary>
/// <param name="Source">The file position or override that set the offending value.</param>
/// <param name="KeyPath">Dotted key path (<c>model.roi_heads.mask_head.num_conv</c>); empty for the whole file.</param>
/// <param name="Message">What is wrong and what was expected, with "did you mean …" where there is a near name.</param>
public sealed record ConfigError(ConfigSource Source, string KeyPath, string Message)
{
    public override string ToString() =>
        KeyPath.Length == 0 ? $"{Source}: {Message}" : $"{Source}: {KeyPath}: {Message}";
}
