using System.Text.Json;
using Panoptic.Torch;

namespace Panoptic.Core.Engine.Observability;

/// <summary>
/// <c>manifest.json</c>: what a run was — command line, seed, resolved config, versions, every plugin and host assembly
/// with its SHA-256, and the machine — so that a result can be traced to exactly what produced it.
/// </summary>
public sealed record RunManifest
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public required string Created { get; init; }

    public required IReadOnlyList<string> CommandLine { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>True when <c>runtime.seed</c> was negative and the seed was drawn at start-up.</summary>
    public required bool SeedDrawn { get; init; }

    /// <summary>Fresh start, resume (with the checkpoint) or init-from (with the weights).</summary>
    public required string Start { get; init; }

    /// <summary>YAML files the config was made of, the requested one first.</summary>
    public required IReadOnlyList<string> ConfigFiles { get; init; }

    /// <summary>The resolved config (YAML).</summary>
    public required string Config { get; init; }

    /// <summary>Processes that trained together (data parallelism; 1 for one process).</summary>
    public int WorldSize { get; init; } = 1;

    /// <summary>How the solver was scaled to the batch (null when it was not).</summary>
    public string? SolverScaling { get; init; }

    public required IReadOnlyList<AssemblyFingerprint> Plugins { get; init; }

    /// <summary>The host's own assemblies and the native shim.</summary>
    public required IReadOnlyList<AssemblyFingerprint> Host { get; init; }

    public required MachineInfo Machine { get; init; }

    /// <summary>Writes the manifest atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    public static RunManifest Read(string path) =>
        JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no manifest");
}
