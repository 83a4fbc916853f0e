using System.Text;
using System.Text.Json;
using Panoptic.Torch;

namespace Panoptic.Core.Engine.Observability;

/// <summary>
/// <c>metrics.jsonl</c> (detectron2 <c>JSONWriter</c>'s <c>metrics.json</c>): one JSON object per logged iteration,
/// <c>{"iteration": i, name: value, …}</c>, appended and flushed as training runs; a non-finite value is written as
/// null. A resumed run first drops the lines at or after the iteration it resumes from, so the file of an interrupted
/// and resumed run has the same lines as an uninterrupted one.
/// </summary>
public sealed class MetricsJsonl : IDisposable
{
    public const string FileName = "metrics.jsonl";

    private readonly StreamWriter _writer;

    /// <param name="path">The file (created when missing).</param>
    /// <param name="resumeFrom">Iteration a resumed run starts at: earlier lines are kept, later ones dropped; null keeps all.</param>
    public MetricsJsonl(string path, int? resumeFrom = null)
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        if (resumeFrom is { } start && File.Exists(path))
        {
            var kept = File.ReadLines(path).Where(line => IterationOf(line) is not { } i || i < start).ToList();
            AtomicFile.WriteAllText(path, kept.Count == 0 ? "" : string.Join("\n", kept) + "\n");
        }
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };
    }

    public string Path { get; }

    /// <summary>Appends the line of <paramref name="iteration"/>, values in the given order.</summary>
    public void Write(int iteration, IEnumerable<KeyValuePair<string, double>> values)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("iteration", iteration);
            foreach (var (name, value) in values)
            {
                if (double.IsFinite(value))
                    json.WriteNumber(name, value);
                else
                    json.WriteNull(name);
            }
            json.WriteEndObject();
        }
        _writer.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        _writer.Flush();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>The <c>iteration</c> of a line, or null when it has none (kept as is).</summary>
    private static int? IterationOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("iteration", out var value) && value.TryGetInt32(out var i) ? i : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
