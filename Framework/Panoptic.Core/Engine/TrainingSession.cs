using System.Diagnostics;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Engine.Checkpointing;
using Panoptic.Core.Engine.Distributed;
using Panoptic.Core.Engine.Evaluation;
using Panoptic.Core.Engine.Observability;
using Panoptic.Core.Engine.Optimization;
using Panoptic.Torch.Optim;

namespace Panoptic.Core.Engine;

/// <summary>
/// One <see cref="Trainer.Run"/>: the optimizer, checkpoints, writers and state of a process's run. Under data
/// parallelism (<see cref="TrainerSetup.Distributed"/>) every rank runs one, and only rank 0 writes files.
/// </summary>
internal sealed class TrainingSession : IDisposable
{
    private readonly TrainerSetup _setup;
    private readonly RunLog _log;
    private readonly CheckpointStore _store;
    private readonly IReadOnlyList<ParamGroup> _groups;
    private readonly Optimizer _optimizer;
    private readonly ScheduledLearningRate _learningRate;
    private readonly GradientClipping _clipping;
    private readonly TrainingState _state;
    private readonly BestMetricTracker? _best;
    private readonly HookStates _hookStates;
    private readonly DataParallel? _parallel;
    private long _nextSequence;
    private string? _lastCheckpoint;
    private IReadOnlyDictionary<string, double> _lastMetrics = new Dictionary<string, double>();

    public TrainingSession(TrainerSetup setup)
    {
        _setup = setup;
        var output = setup.Runtime.OutputDir;
        var main = setup.Distributed?.IsMain ?? true;
        if (main)
            Directory.CreateDirectory(output);
        _log = new RunLog(setup.Progress, main ? output : null);
        _store = new CheckpointStore(Path.Combine(output, "checkpoints"), setup.Solver.CheckpointMaxToKeep);
        _groups = DefaultParamGroups.Build(setup.Model, setup.Solver);
        _parallel = setup.Distributed is { } distributed ? new DataParallel(distributed, _groups) : null;
        _optimizer = OptimizerFactory.Create(_groups, setup.Solver);
        _learningRate = new ScheduledLearningRate(setup.Schedule, _groups);
        _clipping = new GradientClipping(setup.Solver.ClipGradients);
        _state = new TrainingState(setup.Solver.MaxIter);
        _best = setup.Test.BestMetric is { } metric ? new BestMetricTracker(metric, setup.Test.BestMode, setup.BestMetricSource) : null;
        _hookStates = new HookStates(setup.Hooks);
    }

    public TrainingResult Run(TrainingStart start, CancellationToken cancellation)
    {
        if (IsMain && _store.RemoveStaleTemporaries() is var removed and > 0)
            _log.Info($"removed {removed} incomplete checkpoint file(s) a killed run left in {_store.Directory}");
        _log.Write($"optimizer {_optimizer.GetType().Name}: " + string.Join("; ", _groups.Select(g =>
            $"{g.Name}: {g.Parameters.Count} tensors, lr {g.LearningRate:G6}, weight_decay {g.WeightDecay:G6}")));
        var first = Begin(start);
        if (_parallel is not null)
        {
            _parallel.BroadcastModel(_setup.Model);
            _log.Info($"data parallel: rank {_parallel.Rank} of {_parallel.WorldSize}, rank 0's weights broadcast, gradients averaged in {_parallel.Buckets} bucket(s)");
        }
        using var metrics = new TrainingMetrics(IsMain ? _setup.Runtime.OutputDir : null, first, _setup.Runtime.Tensorboard, _setup.Runtime.LogPeriod, _setup.Progress);
        _setup.Model.Train();
        foreach (var hook in _setup.Hooks)
            hook.BeforeTrain(_state);
        var last = first - 1;
        try
        {
            last = _setup.Progress.Run(first, _setup.Solver.MaxIter, () => Loop(first, metrics, cancellation));
        }
        finally
        {
            foreach (var hook in _setup.Hooks)
                hook.AfterTrain(_state);
        }
        var result = new TrainingResult(first, last, _setup.Solver.MaxIter, _state.StopReason, _lastCheckpoint, _best?.Best, _lastMetrics);
        _log.Info(result.Completed || first >= _setup.Solver.MaxIter
            ? $"training done at iteration {_setup.Solver.MaxIter}; final checkpoint {_lastCheckpoint ?? "(none)"}"
            : $"training stopped after iteration {last}: {_state.StopReason}; resume with --resume (checkpoint {_lastCheckpoint})");
        return result;
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _log.Dispose();
    }

    /// <summary>Applies the start (resume or initial weights); returns the first iteration to run.</summary>
    private int Begin(TrainingStart start)
    {
        switch (start)
        {
            case TrainingStart.Resume resume:
                // Data parallel: rank 0's file, broadcast to the others (which load a temporary copy).
                var local = _parallel?.ReceiveCheckpoint(resume.Checkpoint) ?? resume.Checkpoint;
                try
                {
                    using var checkpoint = CheckpointFile.Load(local);
                    return Restore(checkpoint);
                }
                finally
                {
                    _parallel?.ReleaseCheckpoint(local, resume.Checkpoint);
                }
            case TrainingStart.InitFrom init:
                // Data parallel: rank 0 loads the weights; the start-up broadcast gives them to the others.
                if (IsMain)
                    _log.Info(InitialWeights.Load(_setup.Model, init.Weights).ToString());
                return 0;
            default:
                return 0;
        }
    }

    private int Restore(LoadedCheckpoint checkpoint)
    {
        var state = checkpoint.State;
        if (state.DataSeed != _setup.Data.Seed)
            throw new CheckpointException($"{checkpoint.Path} was trained on data seed {state.DataSeed}; this run's is {_setup.Data.Seed}. Resume with runtime.seed={state.Seed} (or leave it negative)");
        checkpoint.Restore(_setup.Model, _optimizer);
        _nextSequence = state.NextDataSequence;
        if (_best is not null && state.Best is { } best && best.Metric == _best.Metric)
            _best.Best = best;
        _hookStates.Load(state.Hooks);
        _lastCheckpoint = checkpoint.Path;
        var changes = ConfigDifference.Compare(state.Config, _setup.Config.Values);
        _log.Info($"resumed from {checkpoint.Path} at iteration {state.Iteration + 1} (data batch {state.NextDataSequence}, seed {state.Seed})");
        if (changes.Count > 0 && _setup.Config.Values.Count > 0)
            _log.Info($"the config differs from the checkpoint's in {changes.Count} key(s): {string.Join("; ", changes)}");
        return state.Iteration + 1;
    }

    /// <summary>Runs iterations from <paramref name="first"/>; returns the last one completed.</summary>
    private int Loop(int first, TrainingMetrics metrics, CancellationToken cancellation)
    {
        var solver = _setup.Solver;
        var step = new TrainingStep(_setup.Architecture, solver.GradAccumulationSteps);
        var timer = new IterationTimer(Math.Max(20, _setup.Runtime.LogPeriod));
        var last = first - 1;
        using IEnumerator<DataBatch> batches = first < solver.MaxIter ? _setup.Data.Batches(_nextSequence).GetEnumerator() : Enumerable.Empty<DataBatch>().GetEnumerator();
        for (var iteration = first; iteration < solver.MaxIter; iteration++)
        {
            var clock = Stopwatch.StartNew();
            _state.Iteration = iteration;
            foreach (var hook in _setup.Hooks)
                hook.BeforeStep(_state);
            var lr = _learningRate.Apply(iteration);
            _optimizer.ZeroGrad();
            var losses = step.Run(iteration, batches);
            _parallel?.AverageGradients();
            if (_parallel is not null)
                losses = losses with { Losses = _parallel.AverageLosses(losses.Losses) };
            _clipping.Apply(_groups);
            _optimizer.Step();
            _nextSequence += solver.GradAccumulationSteps;
            last = iteration;
            var seconds = clock.Elapsed.TotalSeconds;
            timer.Add(seconds);
            var scalars = losses.Losses.Append(new("total_loss", losses.Total)).Append(new("lr", lr))
                .Append(new("time", seconds)).Append(new("data_time", losses.DataSeconds)).ToList();
            _state.SetStepScalars(scalars);
            foreach (var hook in _setup.Hooks)
                hook.AfterStep(_state);
            var isLast = iteration == solver.MaxIter - 1;
            var evaluation = IsDue(iteration, _setup.Test.EvalPeriod) || isLast ? Evaluate(iteration) : null;
            var isLog = IsDue(iteration, _setup.Runtime.LogPeriod) || isLast;
            metrics.Show(iteration, solver.MaxIter, losses.Losses, losses.Total, lr, timer, isLog);
            if (isLog || evaluation is not null)
                metrics.Write(iteration, evaluation is null ? scalars : [.. scalars, .. evaluation]);
            if (cancellation.IsCancellationRequested)
                _state.RequestStop("interrupted");
            if (_parallel is not null && !isLast && _parallel.AnyStops(_state.StopReason is not null))
                _state.RequestStop("another rank stopped");
            if (isLast)
                Save(CheckpointStore.FinalName, iteration);
            else if (IsDue(iteration, solver.CheckpointPeriod) || _state.StopReason is not null)
                Save(CheckpointStore.PeriodicName(iteration), iteration);
            if (_state.StopReason is not null)
                break;
        }
        return last;
    }

    /// <summary>Evaluates (model in eval mode meanwhile), tells the hooks, keeps the best checkpoint; null without evaluation.</summary>
    private IReadOnlyDictionary<string, double>? Evaluate(int iteration)
    {
        if (_setup.Evaluation is not { } evaluation)
            return null;
        var clock = Stopwatch.StartNew();
        _setup.Model.Eval();
        IReadOnlyDictionary<string, double> metrics;
        try
        {
            metrics = _parallel is null
                ? evaluation.Evaluate(_setup.Architecture)
                : _parallel.Evaluate(iteration, () => evaluation.Evaluate(_setup.Architecture));
        }
        finally
        {
            _setup.Model.Train();
        }
        _lastMetrics = metrics;
        _state.SetEvaluation(metrics);
        _log.Info($"evaluation after iteration {iteration} ({clock.Elapsed.TotalSeconds:0.0} s): " +
                  string.Join("  ", metrics.Select(kv => $"{kv.Key} {kv.Value:0.####}")));
        if (_best is not null && _best.Offer(metrics, iteration) && IsMain)
        {
            var path = _store.SaveAside(CheckpointStore.BestName, p => WriteCheckpoint(p, iteration));
            _log.Info($"new best {_best.Metric} = {_best.Best!.Value:0.####} at iteration {iteration}: {path}");
        }
        foreach (var hook in _setup.Hooks)
            hook.AfterEvaluation(_state, metrics);
        return metrics;
    }

    private void Save(string name, int iteration)
    {
        if (!IsMain)
            return;
        _lastCheckpoint = _store.Save(name, path => WriteCheckpoint(path, iteration));
        _log.Write($"saved {_lastCheckpoint}");
    }

    private void WriteCheckpoint(string path, int iteration)
    {
        var state = new CheckpointState
        {
            Iteration = iteration,
            MaxIterations = _setup.Solver.MaxIter,
            Seed = _setup.Seed,
            NextDataSequence = _nextSequence,
            DataSeed = _setup.Data.Seed,
            Optimizer = _optimizer.GetType().Name,
            ParamGroups = _optimizer.ParamGroups.Select(g => new ParamGroupShape(g.Name, g.Parameters.Count)).ToList(),
            Best = _best?.Best,
            Hooks = _hookStates.Save(),
            Config = _setup.Config.Values,
            Created = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        CheckpointFile.Save(path, _setup.Model, _optimizer, state, _setup.Config.Yaml);
    }

    /// <summary>Whether this process writes the run's files (one process, or rank 0).</summary>
    private bool IsMain => _parallel?.IsMain ?? true;

    /// <summary>Whether iteration <paramref name="iteration"/> completes a period (detectron2: <c>(iter + 1) % period == 0</c>); period 0 never.</summary>
    private static bool IsDue(int iteration, int period) => period > 0 && (iteration + 1) % period == 0;
}
