using System.Text.Json;
using Panoptic.Core.Engine.Observability;

namespace Panoptic.Core.Reporting;

/// <summary>A run's <c>metrics.jsonl</c> read back: the logged training scalars and the evaluations, by iteration.</summary>
public sealed class MetricsHistory
{
    private MetricsHistory(IReadOnlyList<(int Iteration, IReadOnlyDictionary<string, double> Values)> rows) => Rows = rows;

    /// <summary>Every line, in file order (null values are left out).</summary>
    public IReadOnlyList<(int Iteration, IReadOnlyDictionary<string, double> Values)> Rows { get; }

    /// <summary>Reads <paramref name="path"/> (a run folder or its metrics.jsonl).</summary>
    /// <exception cref="FileNotFoundException">No metrics file there.</exception>
    /// <exception cref="InvalidDataException">A line that is not a JSON object with an integer <c>iteration</c>.</exception>
    public static MetricsHistory Read(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, MetricsJsonl.FileName) : path;
        if (!File.Exists(file))
            throw new FileNotFoundException($"no {MetricsJsonl.FileName} at {path}", file);
        var rows = new List<(int, IReadOnlyDictionary<string, double>)>();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("iteration", out var it) || !it.TryGetInt32(out var iteration))
                    throw new InvalidDataException($"{file}:{number}: expected a JSON object with an integer \"iteration\"");
                var values = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var property in root.EnumerateObject())
                {
                    if (property.Name != "iteration" && property.Value.ValueKind == JsonValueKind.Number)
                        values[property.Name] = property.Value.GetDouble();
                }
                rows.Add((iteration, values));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{file}:{number}: not JSON ({e.Message})", e);
            }
        }
        return new MetricsHistory(rows);
    }

    /// <summary>The (iteration, value) points of one scalar, in file order.</summary>
    public IReadOnlyList<(double X, double Y)> Series(string name) =>
        Rows.Where(r => r.Values.ContainsKey(name)).Select(r => ((double)r.Iteration, r.Values[name])).ToList();

    /// <summary>Names of the logged losses (<c>loss_*</c> and <c>total_loss</c>), in first-seen order.</summary>
    public IReadOnlyList<string> LossNames() =>
        Rows.SelectMany(r => r.Values.Keys).Where(k => k.StartsWith("loss_", StringComparison.Ordinal) || k == "total_loss").Distinct().ToList();

    /// <summary>The rows holding evaluation results (a key with a <c>/</c>, such as <c>panoptic/PQ</c>).</summary>
    public IReadOnlyList<(int Iteration, IReadOnlyDictionary<string, double> Values)> Evaluations() =>
        Rows.Where(r => r.Values.Keys.Any(k => k.Contains('/', StringComparison.Ordinal)))
            .Select(r => (r.Iteration, (IReadOnlyDictionary<string, double>)r.Values.Where(kv => kv.Key.Contains('/', StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value)))
            .ToList();
}
