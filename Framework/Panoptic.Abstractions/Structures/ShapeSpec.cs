namespace Panoptic.Abstractions.Structures;

/// <summary>
/// The shape of a feature map a module produces or expects (detectron2 <c>ShapeSpec</c>): channels and stride
/// relative to the input image; height/width only where fixed (e.g. pooled RoI features).
/// </summary>
/// <param name="Channels">Number of channels (C).</param>
/// <param name="Stride">Input pixels per feature pixel (1 for the image, 4 for P2, …); 0 when not meaningful.</param>
/// <param name="Height">Fixed height, or null.</param>
/// <param name="Width">Fixed width, or null.</param>
public sealed record ShapeSpec(int Channels, int Stride = 0, int? Height = null, int? Width = null)
{
    public override string ToString() =>
        Height is null ? $"C={Channels} stride={Stride}" : $"C={Channels} {Height}x{Width} stride={Stride}";
}
