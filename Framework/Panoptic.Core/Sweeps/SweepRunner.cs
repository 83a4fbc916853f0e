using System.Diagnostics;
using System.Globalization;
using Panoptic.Core.Engine.Observability;

namespace Panoptic.Core.Sweeps;

/// <summary>
/// Runs a <see cref="SweepPlan"/>: up to <c>parallel</c> runs at a time, each with <c>threads / parallel</c> intra-op
/// threads (at least one). A run whose folder holds its result file is skipped; any other is launched with resume: an
/// interrupted run continues from its newest checkpoint, one whose training ended but whose result was not recorded
/// resumes at its end (nothing left to train) and is collected from its metrics.jsonl. A failing run is reported with its log and the others go on.
/// </summary>
public sealed class SweepRunner(ISweepLauncher launcher, Action<string>? log = null)
{
    private readonly Action<string> _log = log ?? (_ => { });

    public SweepOutcome Run(SweepPlan plan, int parallel, int threads, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var perRun = Math.Max(1, threads / parallel);
        var outcomes = new RunOutcome[plan.Runs.Count];
        var done = 0;
        var pending = new List<int>();
        for (var i = 0; i < plan.Runs.Count; i++)
        {
            if (RunResult.TryRead(plan.Runs[i].ResultPath) is { } finished)
            {
                outcomes[i] = new RunOutcome(plan.Runs[i], RunStatus.Skipped, finished, 0, null);
                done++;
            }
            else
                pending.Add(i);
        }
        if (done > 0)
            _log($"{done} of {plan.Runs.Count} runs already finished (skipped)");
        _log($"{pending.Count} run{(pending.Count == 1 ? "" : "s")} to do, {Math.Min(parallel, Math.Max(1, pending.Count))} at a time, {perRun} thread{(perRun == 1 ? "" : "s")} each");
        Parallel.ForEach(pending, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
        {
            if (cancellation.IsCancellationRequested)
            {
                outcomes[i] = new RunOutcome(plan.Runs[i], RunStatus.Failed, null, 130, "not started: interrupted");
                return;
            }
            outcomes[i] = RunOne(plan.Runs[i], perRun, cancellation);
            var n = Interlocked.Increment(ref done);
            _log($"[{n}/{plan.Runs.Count}] {Describe(outcomes[i])}");
        });
        return new SweepOutcome(outcomes);
    }

    private RunOutcome RunOne(SweepRun run, int threads, CancellationToken cancellation)
    {
        var metricsPath = Path.Combine(run.Folder, MetricsJsonl.FileName);
        var resuming = Directory.Exists(Path.Combine(run.Folder, "checkpoints"));
        _log($"{(resuming ? "resuming" : "starting")} {run.Name} → {run.Folder}");
        var clock = Stopwatch.StartNew();
        int code;
        try
        {
            code = launcher.Launch(run, threads, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new RunOutcome(run, RunStatus.Failed, null, -1, $"could not launch: {e.Message} (log: {run.LogPath})");
        }
        if (code != 0)
            return new RunOutcome(run, RunStatus.Failed, null, code, $"exit code {code} (log: {run.LogPath})");
        if (RunResult.FinalEvaluation(metricsPath) is not { } evaluation)
            return new RunOutcome(run, RunStatus.Failed, null, code, $"finished without an evaluation in {metricsPath} (does the config have dataset.test and test.evaluators?) (log: {run.LogPath})");
        var result = new RunResult(run.Variant.Name, run.Seed, evaluation.Iteration, Math.Round(clock.Elapsed.TotalSeconds, 1), evaluation.Metrics);
        result.Write(run.ResultPath);
        return new RunOutcome(run, RunStatus.Completed, result, 0, null);
    }

    private static string Describe(RunOutcome outcome) => outcome.Status switch
    {
        RunStatus.Failed => $"FAILED {outcome.Run.Name}: {outcome.Message}",
        _ => $"done {outcome.Run.Name}" + (outcome.Message is { } note ? $" ({note})" : $" in {outcome.Result!.Seconds.ToString("0", CultureInfo.InvariantCulture)} s"),
    };
}
