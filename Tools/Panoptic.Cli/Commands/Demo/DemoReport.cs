using System.Globalization;
using System.Text;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Engine;
using Panoptic.Core.Reporting;
using AtomicFile = Panoptic.Torch.AtomicFile;

namespace Panoptic.Cli.Commands.Demo;

/// <summary>What the demo's report is made of.</summary>
internal sealed record DemoReportInput
{
    public required string OutputDir { get; init; }

    public required string TrainDir { get; init; }

    public required DemoOptions Options { get; init; }

    /// <summary>The config, relative to the repository root.</summary>
    public required string Config { get; init; }

    public required SolverSection Solver { get; init; }

    public required TrainingResult Result { get; init; }

    public required IReadOnlyList<DemoPanel> Panels { get; init; }

    /// <summary>The untrained model's metrics, when evaluated.</summary>
    public IReadOnlyDictionary<string, double>? Baseline { get; init; }

    /// <summary>Wall time per phase.</summary>
    public required IReadOnlyDictionary<string, double> Seconds { get; init; }
}

/// <summary>Writes <c>report.md</c> (metrics over training, loss table, figures, how to reproduce) and its PNGs.</summary>
internal static class DemoReport
{
    /// <summary>Metrics of the evaluation table: key in metrics.jsonl → label.</summary>
    private static readonly (string Key, string Label)[] Metrics =
    [
        ("panoptic/PQ", "PQ"), ("panoptic/SQ", "SQ"), ("panoptic/RQ", "RQ"),
        ("panoptic/PQ_th", "PQ things"), ("panoptic/PQ_st", "PQ stuff"),
        ("segm/AP", "mask AP"), ("segm/AP50", "mask AP50"), ("bbox/AP", "box AP"), ("bbox/AP50", "box AP50"),
    ];

    /// <returns>The report's path.</returns>
    public static string Write(DemoReportInput input)
    {
        var history = MetricsHistory.Read(input.TrainDir);
        DemoFigures.LossCurve(Path.Combine(input.OutputDir, "loss_curve.png"), history);
        DemoFigures.OverlayGrid(Path.Combine(input.OutputDir, "overlays.png"), input.Panels);
        var path = Path.Combine(input.OutputDir, "report.md");
        AtomicFile.WriteAllText(path, Markdown(input, history));
        return path;
    }

    private static string Markdown(DemoReportInput input, MetricsHistory history)
    {
        var o = input.Options;
        var s = input.Solver;
        var md = new StringBuilder();
        md.AppendLine("# Panoptic demo report").AppendLine();
        md.AppendLine(Inv($"Panoptic FPN (ResNet-18 + FPN, from scratch) trained on the CPU ({Environment.ProcessorCount} cores) for {s.MaxIter} iterations of {s.ImsPerBatch} images on the built-in synthetic panoptic dataset ({o.TrainImages} training, {o.ValImages} validation images of {o.ImageSize}×{o.ImageSize}; 5 thing classes, 4 stuff classes), seed {o.Seed}."));
        md.AppendLine().AppendLine("Time: " + string.Join(", ", input.Seconds.Select(kv => Inv($"{kv.Key} {kv.Value:0} s"))) + Inv($" (total {input.Seconds.Values.Sum() / 60:0.0} min)."));
        md.AppendLine().AppendLine("## Evaluation on the validation split").AppendLine();
        var evaluations = history.Evaluations().Select(e => (Name: Inv($"iteration {e.Iteration + 1}"), e.Values)).ToList();
        if (input.Baseline is { } baseline)
            evaluations.Insert(0, ("before training", baseline));
        if (evaluations.Count == 0)
        {
            md.AppendLine("No evaluation was recorded.");
        }
        else
        {
            md.AppendLine("| metric | " + string.Join(" | ", evaluations.Select(e => e.Name)) + " |");
            md.AppendLine("|---|" + string.Concat(evaluations.Select(_ => "---:|")));
            foreach (var (key, label) in Metrics)
            {
                if (evaluations.All(e => !e.Values.ContainsKey(key)))
                    continue;
                md.AppendLine($"| {label} | " + string.Join(" | ", evaluations.Select(e => e.Values.TryGetValue(key, out var v) ? Inv($"{100 * v:0.0}") : "–")) + " |");
            }
            md.AppendLine().AppendLine("PQ, SQ, RQ with panopticapi's semantics; AP with pycocotools' (IoU 0.50:0.95); all ×100.");
        }
        md.AppendLine().AppendLine("## Training losses").AppendLine();
        md.AppendLine("![loss curve](loss_curve.png)").AppendLine();
        var losses = history.LossNames();
        var logged = history.Rows.Where(r => losses.Any(r.Values.ContainsKey)).ToList();
        if (logged.Count > 0)
        {
            var first = logged[0];
            var last = logged[^1];
            md.AppendLine(Inv($"| loss | iteration {first.Iteration + 1} | iteration {last.Iteration + 1} | ratio |"));
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var name in losses)
            {
                if (first.Values.TryGetValue(name, out var a) && last.Values.TryGetValue(name, out var b))
                    md.AppendLine(Inv($"| {name} | {a:0.####} | {b:0.####} | {(b > 0 ? a / b : double.PositiveInfinity):0.0}× |"));
            }
        }
        md.AppendLine().AppendLine("## Predictions").AppendLine();
        md.AppendLine(Inv($"The first {input.Panels.Count} validation images: the image, the ground truth and the prediction (things coloured per instance with their scores, stuff per category, borders in white).")).AppendLine();
        md.AppendLine("![overlays](overlays.png)").AppendLine();
        md.AppendLine("## Files").AppendLine();
        md.AppendLine($"- `data/`: the generated dataset (COCO panoptic + instances); `train/`: checkpoints, `metrics.jsonl`, TensorBoard events, `manifest.json`, `config.yaml`.");
        md.AppendLine().AppendLine("## Reproduce").AppendLine();
        md.AppendLine("```");
        md.AppendLine(Inv($"./panoptic demo --output {input.OutputDir} --seed {o.Seed}") + (o.Iterations is { } n ? Inv($" --iterations {n}") : ""));
        md.AppendLine(Inv($"# or by hand:"));
        md.AppendLine(Inv($"./panoptic data synth --out DATA --train {o.TrainImages} --val {o.ValImages} --size {o.ImageSize}x{o.ImageSize} --seed {o.Seed}"));
        md.AppendLine(Inv($"PANOPTIC_SYNTHETIC=DATA ./panoptic train --config {input.Config} --output RUN runtime.seed={o.Seed}"));
        md.AppendLine("```");
        return md.ToString();
    }

    /// <summary>PQ and mask AP in one line, for the console.</summary>
    public static string Headline(IReadOnlyDictionary<string, double> metrics) =>
        string.Join("  ", Metrics.Take(1).Concat(Metrics.Skip(3).Take(3))
            .Where(m => metrics.ContainsKey(m.Key)).Select(m => Inv($"{m.Label} {100 * metrics[m.Key]:0.0}")));

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
