namespace Panoptic.Core.Engine.Checkpointing;

/// <summary>
/// The non-tensor part of a training checkpoint (stored as JSON in the safetensors metadata): where training stood,
/// what it needs to continue exactly, and the resolved config it ran with.
/// </summary>
public sealed record CheckpointState
{
    /// <summary>The last completed iteration (0-based, detectron2's <c>iteration</c>): a resume starts at the next one.</summary>
    public required int Iteration { get; init; }

    /// <summary><c>solver.max_iter</c> of the run (after scaling).</summary>
    public required int MaxIterations { get; init; }

    /// <summary>The run's seed (the drawn one when <c>runtime.seed</c> is negative).</summary>
    public required ulong Seed { get; init; }

    /// <summary>Sequence number of the next training batch to read.</summary>
    public required long NextDataSequence { get; init; }

    /// <summary>Root seed of the training data order and augmentations.</summary>
    public required ulong DataSeed { get; init; }

    /// <summary><c>SGD</c> or <c>AdamW</c>.</summary>
    public required string Optimizer { get; init; }

    /// <summary>The optimizer's parameter groups (name and parameter count), checked on resume.</summary>
    public required IReadOnlyList<ParamGroupShape> ParamGroups { get; init; }

    /// <summary>The best evaluation so far, when <c>test.best_metric</c> is set.</summary>
    public BestMetricState? Best { get; init; }

    /// <summary>State of stateful hooks, by position and name (<c>0:EarlyStopping</c>).</summary>
    public IReadOnlyDictionary<string, string> Hooks { get; init; } = new Dictionary<string, string>();

    /// <summary>The resolved config as dotted keys and values (what a resume compares against).</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();

    /// <summary>When it was written (UTC, ISO 8601).</summary>
    public string? Created { get; init; }
}

/// <summary>One optimizer parameter group as a checkpoint records it.</summary>
public sealed record ParamGroupShape(string Name, int Parameters);

/// <summary>The best value of <c>test.best_metric</c> so far and the iteration it was reached at.</summary>
public sealed record BestMetricState(string Metric, double Value, int Iteration);
