using Panoptic.Core.Engine.Observability;

namespace Panoptic.Core.Engine.Launch;

/// <summary>What <c>panoptic train</c> adds to the config.</summary>
public sealed record LaunchOptions
{
    /// <summary>Continue from the newest checkpoint in the output folder when there is one (detectron2 <c>--resume</c>).</summary>
    public bool Resume { get; init; }

    /// <summary>Weights to start from when not resuming (<c>--init-from</c>): ours or a PyTorch state dict.</summary>
    public string? InitFrom { get; init; }

    /// <summary>The command line, for the manifest.</summary>
    public IReadOnlyList<string> CommandLine { get; init; } = [];

    public ITrainingProgress Progress { get; init; } = PlainProgress.Silent;

    /// <summary>The BLAS library in use, for the manifest (the command line probes it).</summary>
    public string? Blas { get; init; }

    /// <summary>
    /// Data-parallel training: join the job these options describe (<c>--rank</c>, <c>--world-size</c>,
    /// <c>--master-addr</c>, <c>--master-port</c>). Null: one process.
    /// </summary>
    public Distributed.DistributedOptions? Distributed { get; init; }

    /// <summary>Stops training after the current iteration, with a checkpoint (Ctrl+C).</summary>
    public CancellationToken Cancellation { get; init; }
}
