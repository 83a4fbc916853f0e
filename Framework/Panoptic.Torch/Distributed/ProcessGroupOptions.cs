namespace Panoptic.Torch.Distributed;

/// <summary>How a <see cref="ProcessGroup"/> is made (<c>init_process_group</c>'s keyword arguments and Gloo's options).</summary>
public sealed record ProcessGroupOptions
{
    /// <summary>torch's default: 30 minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    /// <summary>How long the rendezvous and each collective may take before failing with a <see cref="TorchException"/>.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>
    /// Gloo: the address of this machine to bind its transport to. Null: <c>GLOO_SOCKET_IFNAME</c>'s interface when
    /// set, else loopback when the master is on loopback, else the host name's address (torch's default device).
    /// </summary>
    public string? InterfaceHost { get; init; }

    /// <summary>Gloo: threads that run collectives (0: Gloo's default, 2).</summary>
    public int Threads { get; init; }
}
