using System.ComponentModel.DataAnnotations;
using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Engine;

namespace Panoptic.Core.Config.Sections;

/// <summary><c>runtime:</c> where and how a run executes (detectron2 <c>OUTPUT_DIR</c>, <c>SEED</c>, <c>MODEL.DEVICE</c>, …).</summary>
[ConfigSection("runtime")]
public sealed record RuntimeSection : ConfigOptions
{
    /// <summary><c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    [RegularExpression(@"^(cpu|cuda(:\d+)?)$")]
    public string Device { get; init; } = "cpu";

    /// <summary>Intra-op threads; 0 means one per core. Set before the first tensor operation.</summary>
    [Range(0, 1024)]
    public int Threads { get; init; }

    /// <summary>Random seed; negative draws one at start-up.</summary>
    public int Seed { get; init; } = -1;

    /// <summary>Checkpoints, logs and metrics go here.</summary>
    [ConfigPath]
    public string OutputDir { get; init; } = "output";

    /// <summary>Log scalars (console, <c>metrics.jsonl</c>, TensorBoard) every this many iterations, and at the last one.</summary>
    [Range(1, int.MaxValue)]
    public int LogPeriod { get; init; } = 20;

    /// <summary>
    /// Console progress: <c>auto</c> (a live bar on a terminal, plain log lines when output is redirected, as in CI),
    /// <c>bar</c>, <c>plain</c> (a line every <see cref="LogPeriod"/>) or <c>none</c> (messages only: start, evaluations, end).
    /// </summary>
    public ProgressMode Progress { get; init; } = ProgressMode.Auto;

    /// <summary>Write TensorBoard event files (<c>events.out.tfevents.*</c>) in the output directory.</summary>
    public bool Tensorboard { get; init; } = true;

    /// <summary>Extra training hooks, run in order.</summary>
    public IReadOnlyList<ComponentSpec<ITrainingHook>> Hooks { get; init; } = [];
}

/// <summary>How training progress is shown on the console (<c>runtime.progress</c>).</summary>
public enum ProgressMode
{
    Auto,
    Bar,
    Plain,
    None,
}
