using System.Diagnostics;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Engine.Observability;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Panoptic.Cli.Commands.Training;

/// <summary>
/// A live Spectre.Console display for <c>panoptic train</c> on a terminal, three lines that fit any width: the bar with
/// percentage, iteration and ETA; learning rate, it/s and memory; the smoothed total and other losses. Other lines
/// (evaluations, checkpoints) print above it. Redrawn at most every 100 ms.
/// </summary>
internal sealed class SpectreProgress : ITrainingProgress
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch _sinceRefresh = Stopwatch.StartNew();
    private LiveDisplayContext? _live;

    public T Run<T>(int startIteration, int maxIterations, Func<T> body) =>
        AnsiConsole.Live(Waiting(startIteration, maxIterations)).AutoClear(false).Start(context =>
        {
            _live = context;
            try
            {
                return body();
            }
            finally
            {
                _live = null;
            }
        });

    public void Report(ProgressSnapshot snapshot)
    {
        if (_live is null || (_sinceRefresh.Elapsed < RefreshInterval && snapshot.Iteration + 1 < snapshot.MaxIterations))
            return;
        _sinceRefresh.Restart();
        var eta = snapshot.Eta is { } e ? $"{(int)e.TotalHours}:{e.Minutes:00}:{e.Seconds:00}" : "?";
        var losses = snapshot.Losses.OrderBy(kv => kv.Key == "total_loss" ? 0 : 1).Select(kv => $"{kv.Key} {kv.Value:0.####}");
        _live.UpdateTarget(new Rows(
            Line(Bar(snapshot.Iteration + 1, snapshot.MaxIterations) + Markup.Escape($"  iter {snapshot.Iteration + 1}/{snapshot.MaxIterations}  eta {eta}")),
            Line(Markup.Escape($"lr {snapshot.LearningRate:G4}  {snapshot.IterationsPerSecond:0.00} it/s  mem {snapshot.MemoryBytes / (1024 * 1024)}M")),
            Line("[grey]" + Markup.Escape(string.Join("  ", losses)) + "[/]")));
        _live.Refresh();
    }

    public void Message(string line) => AnsiConsole.MarkupLine(Markup.Escape(line));

    /// <summary>The display <c>runtime.progress</c> asks for: this one on an interactive terminal (<c>auto</c>) or always (<c>bar</c>); plain lines otherwise.</summary>
    public static ITrainingProgress For(ProgressMode mode) => mode switch
    {
        ProgressMode.Bar => new SpectreProgress(),
        ProgressMode.Auto when !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive => new SpectreProgress(),
        ProgressMode.None => new PlainProgress(Console.Out, iterations: false),
        _ => new PlainProgress(Console.Out),
    };

    private static IRenderable Waiting(int start, int max) => Line(Bar(start, max) + Markup.Escape($"  iter {start}/{max}  starting…"));

    /// <summary><c>━━━━━━╸───── 42%</c>, as wide as the console allows (10 to 40 cells).</summary>
    private static string Bar(int done, int total)
    {
        var width = Math.Clamp(AnsiConsole.Profile.Width - 50, 10, 40);
        var fraction = total == 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)Math.Round(fraction * width);
        return $"[green]{new string('━', filled)}[/][grey]{new string('━', width - filled)}[/] {fraction * 100,3:0}%";
    }

    private static Markup Line(string markup) => new Markup(markup).Overflow(Overflow.Ellipsis);
}
