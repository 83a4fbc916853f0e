using Panoptic.Torch.Distributed;

namespace Panoptic.Core.Engine.Distributed;

/// <summary>
/// How one training process joins a data-parallel job (<c>panoptic train --rank R --world-size N --master-addr A
/// --master-port P</c>; torchrun's <c>RANK</c>, <c>WORLD_SIZE</c>, <c>MASTER_ADDR</c>, <c>MASTER_PORT</c>,
/// <c>LOCAL_WORLD_SIZE</c>). Rank 0 runs the rendezvous store on the master port.
/// </summary>
public sealed record DistributedOptions
{
    /// <summary>The environment variable <c>panoptic train --nproc N</c> gives its workers: processes on this machine.</summary>
    public const string LocalWorldSizeVariable = "PANOPTIC_LOCAL_WORLD_SIZE";

    public required int Rank { get; init; }

    public required int WorldSize { get; init; }

    public string MasterAddr { get; init; } = "127.0.0.1";

    public required int MasterPort { get; init; }

    public Backend Backend { get; init; } = Backend.Gloo;

    /// <summary>Rendezvous and collective timeout (torch's default, 30 minutes). Evaluation on rank 0 is not bounded by it.</summary>
    public TimeSpan Timeout { get; init; } = ProcessGroupOptions.DefaultTimeout;

    /// <summary>Training processes on this machine (they share its cores).</summary>
    public int LocalWorldSize { get; init; } = 1;

    /// <summary>Whether this process writes the run's files (rank 0).</summary>
    public bool IsMain => Rank == 0;

    /// <summary>
    /// Intra-op threads for this process: <paramref name="configured"/> (<c>runtime.threads</c>) when set, else the
    /// machine's cores shared evenly among the local processes (at least 1); null leaves libtorch's default.
    /// </summary>
    public int? ThreadsPerProcess(int configured) =>
        configured > 0 ? configured : LocalWorldSize > 1 ? Math.Max(1, Environment.ProcessorCount / LocalWorldSize) : null;

    /// <exception cref="ArgumentException">A rank outside the world, or a bad port.</exception>
    public void Validate()
    {
        if (WorldSize < 1)
            throw new ArgumentException($"--world-size {WorldSize} must be at least 1");
        if (Rank < 0 || Rank >= WorldSize)
            throw new ArgumentException($"--rank {Rank} must be in 0..{WorldSize - 1} (--world-size {WorldSize})");
        if (MasterPort is < 1 or > 65535)
            throw new ArgumentException($"--master-port {MasterPort} must be in 1..65535");
        if (string.IsNullOrWhiteSpace(MasterAddr))
            throw new ArgumentException("--master-addr is empty");
    }

    /// <summary>The local world size a <c>--nproc</c> launcher passed to this worker (1 when none).</summary>
    public static int LocalWorldSizeFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(LocalWorldSizeVariable), out var n) && n > 0 ? n : 1;
}
