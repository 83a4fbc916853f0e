namespace Panoptic.Core.Sweeps;

/// <summary>What happened to a run in one sweep invocation.</summary>
public enum RunStatus
{
    /// <summary>Finished by an earlier invocation (its result file was there): not launched.</summary>
    Skipped,

    /// <summary>Launched (started or resumed) and finished with an evaluation.</summary>
    Completed,

    /// <summary>Non-zero exit, no evaluation, or the launcher failed: see <see cref="RunOutcome.Message"/> and the log.</summary>
    Failed,
}

/// <summary>One run's outcome; <paramref name="Result"/> is set unless it failed; <paramref name="Message"/> is the error of a failed run (with its log path) or a note.</summary>
public sealed record RunOutcome(SweepRun Run, RunStatus Status, RunResult? Result, int ExitCode, string? Message);

/// <summary>The outcomes of one sweep invocation, in plan order.</summary>
public sealed record SweepOutcome(IReadOnlyList<RunOutcome> Runs)
{
    public IReadOnlyList<RunOutcome> Failed => Runs.Where(r => r.Status == RunStatus.Failed).ToList();

    public bool Succeeded => Failed.Count == 0;
}
