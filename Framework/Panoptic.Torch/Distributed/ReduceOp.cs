namespace Panoptic.Torch.Distributed;

/// <summary>How <see cref="ProcessGroup.AllReduce(Tensor, ReduceOp)"/> combines the ranks' values (<c>torch.distributed.ReduceOp</c>).</summary>
public enum ReduceOp
{
    Sum = 0,

    /// <summary>The sum divided by the world size (floating tensors only; Gloo has no AVG, so the shim divides).</summary>
    Avg = 1,

    Product = 2,
    Min = 3,
    Max = 4,
}
