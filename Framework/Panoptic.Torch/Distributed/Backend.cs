namespace Panoptic.Torch.Distributed;

/// <summary>The transport of a <see cref="ProcessGroup"/> (<c>torch.distributed.Backend</c>); values shared with the shim.</summary>
public enum Backend
{
    /// <summary>Gloo over TCP: CPU tensors, any machine.</summary>
    Gloo = 0,

    /// <summary>NCCL: CUDA tensors; only in a shim built against a CUDA libtorch with <c>-DPN_WITH_NCCL=ON</c>.</summary>
    Nccl = 1,
}
