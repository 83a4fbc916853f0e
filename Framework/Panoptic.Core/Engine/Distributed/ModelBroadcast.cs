using Panoptic.Torch;
using Panoptic.Torch.Distributed;
using Panoptic.Torch.NN;

namespace Panoptic.Core.Engine.Distributed;

/// <summary>Copies rank 0's parameters and buffers into every rank's model (torch DDP's construction-time broadcast).</summary>
public static class ModelBroadcast
{
    /// <summary>All parameters and buffers (persistent or not), as one flat broadcast per dtype.</summary>
    public static void FromRankZero(ProcessGroup group, Module model)
    {
        var tensors = model.NamedParameters().Select(kv => (Tensor)kv.Value).Concat(model.NamedBuffers().Select(kv => kv.Value)).ToList();
        group.Broadcast(tensors, src: 0);
    }
}
