using Panoptic.Torch.Distributed;

namespace Panoptic.Core.Engine.Distributed;

/// <summary>
/// This process's place in a data-parallel job: its rank, the world size, and the process group (and store) the ranks
/// talk through. Only rank 0 (<see cref="IsMain"/>) writes checkpoints, metrics, events, the manifest and the display.
/// Disposing destroys the group.
/// </summary>
public sealed class DistributedContext : IDisposable
{
    public DistributedContext(ProcessGroup group)
    {
        Group = group;
    }

    public ProcessGroup Group { get; }

    public int Rank => Group.Rank;

    public int WorldSize => Group.WorldSize;

    public bool IsMain => Group.Rank == 0;

    /// <summary>Joins the job (<c>init_process_group</c>): rank 0 opens the store on the master port, the others connect.</summary>
    /// <exception cref="Panoptic.Torch.TorchException">The port is in use, the master is not reached in time, the rendezvous failed.</exception>
    public static DistributedContext Join(DistributedOptions options)
    {
        options.Validate();
        var group = ProcessGroup.InitProcessGroup(options.Backend, options.MasterAddr, options.MasterPort, options.Rank, options.WorldSize,
            new ProcessGroupOptions { Timeout = options.Timeout });
        return new DistributedContext(group);
    }

    public void Dispose() => Group.Dispose();
}
