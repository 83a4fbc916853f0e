using System.Text.Json;
using Panoptic.Evaluation.IO;

namespace Panoptic.Core.Sweeps;

/// <summary>
/// The final evaluation of a finished run, kept in <see cref="SweepRun.ResultFileName"/>: its presence marks the run as
/// finished, so a later sweep invocation skips it.
/// </summary>
public sealed record RunResult(string Variant, int Seed, int Iteration, double Seconds, IReadOnlyDictionary<string, double> Metrics)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Reads a result file; null when it is missing or unreadable (the run is then redone).</summary>
    public static RunResult? TryRead(string path)
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<RunResult>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes the file atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(this, Json));

    /// <summary>
    /// The last evaluation in a run's <c>metrics.jsonl</c>: the last line with <c>task/metric</c> keys (a key with a
    /// '/'), its iteration and those metrics (null = NaN). Null when the file is missing or has no evaluation.
    /// </summary>
    public static (int Iteration, Dictionary<string, double> Metrics)? FinalEvaluation(string metricsJsonl)
    {
        if (!File.Exists(metricsJsonl))
            return null;
        (int, Dictionary<string, double>)? last = null;
        foreach (var line in File.ReadLines(metricsJsonl))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!property.Name.Contains('/'))
                        continue;
                    metrics[property.Name] = property.Value.ValueKind == JsonValueKind.Number ? property.Value.GetDouble() : double.NaN;
                }
                if (metrics.Count > 0 && document.RootElement.TryGetProperty("iteration", out var it) && it.TryGetInt32(out var iteration))
                    last = (iteration, metrics);
            }
            catch (JsonException)
            {
                // A line cut by a killed process: ignore it.
            }
        }
        return last;
    }
}
