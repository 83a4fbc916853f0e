using System.Reflection;
using System.Security.Cryptography;

namespace Panoptic.Core.Engine.Observability;

/// <summary>A loaded assembly (or native library) as the manifest records it: name, version, file, SHA-256 of the file, why it was loaded.</summary>
public sealed record AssemblyFingerprint(string Name, string Version, string Path, string Sha256, string Origin)
{
    public static AssemblyFingerprint Of(Assembly assembly, string origin) => new(
        assembly.GetName().Name ?? "?",
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "?",
        assembly.Location,
        HashFile(assembly.Location),
        origin);

    /// <summary>Lower-case hex SHA-256 of a file; empty for assemblies without a file.</summary>
    public static string HashFile(string path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
            return "";
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
