using System.Globalization;
using System.Text.Json;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Engine;
using Panoptic.Core.Config.Sections;

namespace Panoptic.Plugins.Engine.Hooks;

/// <summary>
/// Stops training when an evaluation metric has not improved by more than <c>min_delta</c> for <c>patience</c>
/// evaluations in a row (mmengine <c>EarlyStoppingHook</c>). Its best value and counter are kept in checkpoints, so a
/// resumed run counts on. A NaN metric counts as no improvement.
/// </summary>
[Component("EarlyStopping", Description = "Stop when an evaluation metric stops improving for `patience` evaluations.")]
public sealed class EarlyStopping : IStatefulTrainingHook
{
    private readonly string _metric;
    private readonly MetricMode _mode;
    private readonly int _patience;
    private readonly double _minDelta;

    public EarlyStopping(string metric, MetricMode mode = MetricMode.Max, int patience = 5, double minDelta = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(minDelta);
        (_metric, _mode, _patience, _minDelta) = (metric, mode, patience, minDelta);
    }

    public EarlyStopping(EarlyStoppingOptions options, TrainingHookContext context)
        : this(options.Metric, options.Mode, options.Patience, options.MinDelta)
    {
        _ = context;
    }

    /// <summary>The best value so far; null before the first evaluation.</summary>
    public double? Best { get; private set; }

    /// <summary>Evaluations in a row without improvement.</summary>
    public int Stale { get; private set; }

    /// <exception cref="HookConfigException">The evaluation has no such metric (the message lists those it has).</exception>
    public void AfterEvaluation(ITrainingState state, IReadOnlyDictionary<string, double> metrics)
    {
        if (!metrics.TryGetValue(_metric, out var value))
            throw new HookConfigException($"EarlyStopping: metric '{_metric}' (runtime.hooks: metric) is not among the evaluation's metrics; valid: {string.Join(", ", metrics.Keys)}");
        var improved = !double.IsNaN(value) && (Best is not { } best || (_mode == MetricMode.Max ? value > best + _minDelta : value < best - _minDelta));
        if (improved)
        {
            Best = value;
            Stale = 0;
            return;
        }
        Stale++;
        if (Stale >= _patience)
        {
            state.RequestStop(string.Create(CultureInfo.InvariantCulture,
                $"early stopping: {_metric} has not improved on {Best} for {Stale} evaluations (patience {_patience})"));
        }
    }

    public string SaveState() => JsonSerializer.Serialize(new State(Best, Stale));

    public void LoadState(string state)
    {
        var loaded = JsonSerializer.Deserialize<State>(state) ?? throw new ArgumentException($"EarlyStopping state '{state}' is not valid", nameof(state));
        (Best, Stale) = (loaded.Best, loaded.Stale);
    }

    private sealed record State(double? Best, int Stale);
}
