using System.Globalization;
using System.Text;
using Panoptic.Abstractions.Config;
using Panoptic.Core.Reporting;
using Panoptic.Evaluation.IO;

namespace Panoptic.Core.Sweeps;

/// <summary>
/// Writes a <see cref="SweepTable"/> as <c>results.csv</c> (one row per variant: seeds, then mean and std of each metric),
/// <c>results.md</c> (mean ± std) and <c>results.png</c> (a bar chart with error bars), each atomically.
/// </summary>
public static class SweepReport
{
    public const string CsvName = "results.csv";
    public const string MarkdownName = "results.md";
    public const string ChartName = "results.png";

    /// <summary>Writes the three files into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(SweepTable table, string folder)
    {
        var csv = Path.Combine(folder, CsvName);
        var md = Path.Combine(folder, MarkdownName);
        var png = Path.Combine(folder, ChartName);
        AtomicFile.WriteAllBytes(csv, Encoding.UTF8.GetBytes(Csv(table)));
        AtomicFile.WriteAllBytes(md, Encoding.UTF8.GetBytes(Markdown(table)));
        Chart(table).Save(png);
        return [csv, md, png];
    }

    /// <summary>Header <c>variant,seeds,M mean,M std,…</c>; numbers in full precision, empty when missing.</summary>
    public static string Csv(SweepTable table)
    {
        var text = new StringBuilder();
        text.Append("variant,seeds");
        foreach (var metric in table.Metrics)
            text.Append(',').Append(CsvField(metric + " mean")).Append(',').Append(CsvField(metric + " std"));
        text.Append('\n');
        foreach (var row in table.Rows)
        {
            text.Append(CsvField(row.Variant)).Append(',').Append(row.Seeds.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var summary in row.Metrics)
                text.Append(',').Append(Number(summary?.Mean)).Append(',').Append(Number(summary?.Std));
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A markdown section: title, table of mean ± std (3 decimals), and a line saying what the numbers are.</summary>
    public static string Markdown(SweepTable table)
    {
        var text = new StringBuilder();
        text.Append("## ").Append(table.Title).Append("\n\n");
        text.Append("| variant | seeds |");
        foreach (var metric in table.Metrics)
            text.Append(' ').Append(metric).Append(" |");
        text.Append("\n|---|---:|");
        foreach (var _ in table.Metrics)
            text.Append("---:|");
        text.Append('\n');
        foreach (var row in table.Rows)
        {
            var seeds = row.Seeds.Count == table.Seeds.Count ? $"{row.Seeds.Count}" : $"{row.Seeds.Count} of {table.Seeds.Count}";
            text.Append("| ").Append(row.Variant.Replace("|", "\\|", StringComparison.Ordinal)).Append(" | ").Append(seeds).Append(" |");
            foreach (var summary in row.Metrics)
                text.Append(' ').Append(Cell(summary)).Append(" |");
            text.Append('\n');
        }
        text.Append("\nMean ± sample standard deviation (n − 1) over seeds ")
            .Append(string.Join(", ", table.Seeds))
            .Append("; base config `").Append(ConfigSource.DisplayPath(table.BaseConfig)).Append("`.\n");
        return text.ToString();
    }

    /// <summary>Bars of each variant's metrics with ± std error bars.</summary>
    public static BarChart Chart(SweepTable table)
    {
        var chart = new BarChart
        {
            Title = table.Title,
            YLabel = table.Metrics.Count == 1 ? table.Metrics[0] : "metric",
            Width = Math.Max(640, 120 + (table.Rows.Count * Math.Max(110, 40 * table.Metrics.Count))),
            Height = 420,
        };
        chart.SeriesNames.AddRange(table.Metrics);
        foreach (var row in table.Rows)
            chart.Add(Wrap(row.Variant), row.Metrics.Select(s => s is null ? new BarValue(double.NaN) : new BarValue(s.Mean, s.Std)).ToArray());
        return chart;
    }

    private static string Cell(MetricSummary? summary) => summary switch
    {
        null => "n/a",
        { Count: 1 } => Format(summary.Mean),
        _ => $"{Format(summary.Mean)} ± {Format(summary.Std)}",
    };

    private static string Format(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "NaN";

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string CsvField(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Breaks a long variant name at spaces into lines of at most 18 characters (at most three lines).</summary>
    private static string Wrap(string name)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in name.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > 18)
            {
                lines.Add(current);
                current = word;
            }
            else
                current = current.Length == 0 ? word : current + " " + word;
        }
        lines.Add(current);
        return string.Join('\n', lines.Take(3));
    }
}
