using System.Text;
using Panoptic.Abstractions.Config;

namespace Panoptic.Core.Config.Loading;

/// <summary>
/// <c>${env:NAME}</c> and <c>${env:NAME:-default}</c> in scalar values; <c>$${</c> writes a literal <c>${</c>.
/// Nothing else is interpolated (paths are made relative to their YAML file by <c>[ConfigPath]</c> keys instead).
/// </summary>
internal static class Interpolation
{
    public static string Expand(string text, ConfigSource source, string keyPath, List<ConfigError> errors)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
            return text;
        var result = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text.AsSpan(i).StartsWith("$${"))
            {
                result.Append("${");
                i += 3;
                continue;
            }
            if (!text.AsSpan(i).StartsWith("${"))
            {
                result.Append(text[i++]);
                continue;
            }
            var end = text.IndexOf('}', i);
            if (end < 0)
            {
                errors.Add(new ConfigError(source, keyPath, $"unterminated '${{' in '{text}'"));
                return text;
            }
            result.Append(Resolve(text[(i + 2)..end], source, keyPath, errors));
            i = end + 1;
        }
        return result.ToString();
    }

    private static string Resolve(string expression, ConfigSource source, string keyPath, List<ConfigError> errors)
    {
        if (!expression.StartsWith("env:", StringComparison.Ordinal))
        {
            errors.Add(new ConfigError(source, keyPath, $"unknown interpolation '${{{expression}}}'; supported: ${{env:NAME}} and ${{env:NAME:-default}}"));
            return "";
        }
        var body = expression[4..];
        var separator = body.IndexOf(":-", StringComparison.Ordinal);
        var name = separator < 0 ? body : body[..separator];
        var value = Environment.GetEnvironmentVariable(name);
        if (!string.IsNullOrEmpty(value))
            return value;
        if (separator >= 0)
            return body[(separator + 2)..];
        errors.Add(new ConfigError(source, keyPath, $"environment variable '{name}' is not set (write ${{env:{name}:-default}} to give a default)"));
        return "";
    }
}
