using Panoptic.Torch;

namespace Panoptic.Abstractions.Structures;

/// <summary>Per-instance masks as full-image bitmaps (detectron2 <c>BitMasks</c>).</summary>
/// <param name="Tensor">(N, H, W) bool.</param>
public sealed record BitMasks(Tensor Tensor)
{
    public int Count => (int)Tensor.Size(0);
}

/// <summary>Per-instance masks as polygons (detectron2 <c>PolygonMasks</c>): instance → polygons → flat x, y list (absolute pixels).</summary>
public sealed record PolygonMasks(IReadOnlyList<IReadOnlyList<float[]>> Polygons)
{
    public int Count => Polygons.Count;
}
