namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>
/// A tensor rebuilt by <c>torch._utils._rebuild_tensor_v2</c> (or <c>_rebuild_parameter</c>): a view
/// (<see cref="StorageOffset"/>, size, stride) of a <see cref="PickleStorage"/>. Once the checkpoint is loaded
/// <see cref="Tensor"/> holds a compact, contiguous copy owning its memory.
/// </summary>
public sealed class PickleTensor : PickleValue
{
    private Tensor? _tensor;

    internal PickleTensor(PickleStorage storage, long storageOffset, long[] size, long[] stride, bool requiresGrad)
    {
        Storage = storage;
        StorageOffset = storageOffset;
        Size = size;
        Stride = stride;
        RequiresGrad = requiresGrad;
    }

    /// <summary>The storage this tensor viewed when it was saved.</summary>
    public PickleStorage Storage { get; }

    public long StorageOffset { get; }

    /// <summary>Shape as saved.</summary>
    public IReadOnlyList<long> Size { get; }

    /// <summary>Strides (in elements) into the storage as saved.</summary>
    public IReadOnlyList<long> Stride { get; }

    public bool RequiresGrad { get; internal set; }

    /// <summary>Whether it was an <c>nn.Parameter</c>.</summary>
    public bool IsParameter { get; internal set; }

    /// <summary>The loaded tensor.</summary>
    public Tensor Tensor => _tensor ?? throw new InvalidOperationException("tensor data not loaded yet");

    internal void SetTensor(Tensor tensor) => _tensor = tensor;

    public override string TypeName => IsParameter ? "Parameter" : "Tensor";
}
