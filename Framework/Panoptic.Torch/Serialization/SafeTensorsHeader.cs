namespace Panoptic.Torch.Serialization;

/// <summary>One tensor as a safetensors header describes it; offsets are relative to the byte buffer after the header.</summary>
/// <param name="Name">The tensor's name.</param>
/// <param name="DType">Element type.</param>
/// <param name="Shape">Dimensions (empty for a 0-d tensor).</param>
/// <param name="Begin">First byte, inclusive.</param>
/// <param name="End">Last byte, exclusive.</param>
public sealed record SafeTensorInfo(string Name, DType DType, long[] Shape, long Begin, long End)
{
    /// <summary>Bytes of data (<c>End - Begin</c>).</summary>
    public long ByteLength => End - Begin;
}

/// <summary>
/// A validated safetensors header: the tensors in header order, the <c>__metadata__</c> strings, and where the
/// byte buffer starts in the file (8 + the JSON length).
/// </summary>
public sealed class SafeTensorsHeader
{
    internal SafeTensorsHeader(IReadOnlyList<SafeTensorInfo> tensors, IReadOnlyDictionary<string, string> metadata, long dataStart)
    {
        Tensors = tensors;
        Metadata = metadata;
        DataStart = dataStart;
    }

    /// <summary>Tensors in header order.</summary>
    public IReadOnlyList<SafeTensorInfo> Tensors { get; }

    /// <summary>The <c>__metadata__</c> map (empty when absent).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>File offset of the byte buffer.</summary>
    public long DataStart { get; }
}
