using System.Collections.Concurrent;
using System.Text.Json;

namespace Panoptic.Torch.Tests.Support;

/// <summary>
/// Reference values computed at test time by Debian's PyTorch: a script under Fixtures/Reference/ (with pnref.py's
/// helpers prepended) prints every value it <c>emit</c>s as JSON. Each script runs once per test run and is cached,
/// so a test class pays one Python start-up for all its reference values.
/// </summary>
public sealed class Reference
{
    private static readonly ConcurrentDictionary<string, Lazy<Reference>> Cache = new();
    private readonly Dictionary<string, RefValue> _values;

    private Reference(Dictionary<string, RefValue> values) => _values = values;

    /// <summary>The values printed by Fixtures/Reference/<paramref name="script"/> (run once, then cached).</summary>
    public static Reference Of(string script) =>
        Cache.GetOrAdd(script, s => new Lazy<Reference>(() => Run(s))).Value;

    public RefValue this[string name] =>
        _values.TryGetValue(name, out var v)
            ? v
            : throw new KeyNotFoundException($"the reference script emitted no '{name}' (it has: {string.Join(", ", _values.Keys)})");

    private static Reference Run(string script)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Reference");
        var source = File.ReadAllText(Path.Combine(folder, "pnref.py")) + "\n" + File.ReadAllText(Path.Combine(folder, script));
        using var doc = JsonDocument.Parse(PythonReference.Run(source));
        var values = new Dictionary<string, RefValue>();
        foreach (var p in doc.RootElement.EnumerateObject()) values[p.Name] = RefValue.Parse(p.Value);
        return new Reference(values);
    }
}

/// <summary>One emitted value: shape, PyTorch dtype name, and the elements (as doubles and, exactly, as longs).</summary>
public sealed class RefValue
{
    public required long[] Shape { get; init; }
    public required string DType { get; init; }
    public required double[] Values { get; init; }
    public required long[] Longs { get; init; }
    public required string[] Items { get; init; }

    public double Scalar => Values.Length == 1 ? Values[0] : throw new InvalidOperationException($"not a single value: {Values.Length} elements");

    internal static RefValue Parse(JsonElement e)
    {
        var data = e.TryGetProperty("data", out var d) ? d.EnumerateArray().ToArray() : [];
        return new RefValue
        {
            Shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray(),
            DType = e.GetProperty("dtype").GetString()!,
            Values = data.Select(ToDouble).ToArray(),
            Longs = data.Select(x => x.ValueKind == JsonValueKind.Number && x.TryGetInt64(out var l) ? l : (long)ToDouble(x)).ToArray(),
            Items = e.TryGetProperty("items", out var items) ? items.EnumerateArray().Select(x => x.GetString()!).ToArray() : [],
        };
    }

    private static double ToDouble(JsonElement x) => x.ValueKind switch
    {
        JsonValueKind.Number => x.GetDouble(),
        JsonValueKind.String => x.GetString() switch
        {
            "nan" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            var s => throw new FormatException($"unexpected reference value '{s}'"),
        },
        _ => throw new FormatException($"unexpected reference element {x.ValueKind}"),
    };
}
