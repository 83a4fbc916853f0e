using Panoptic.Abstractions.Data;
using Panoptic.Torch;
using static Panoptic.Torch.Torch;

namespace Panoptic.Plugins.Data.Transforms;

/// <summary>The per-image step of <see cref="Normalize"/>: pixels change, geometry does not.</summary>
internal sealed class NormalizeStep(int height, int width, NormalizeStep.Parameters parameters) : ITransformStep
{
    /// <summary>What every image gets.</summary>
    /// <param name="Mean">Per-channel mean (model order).</param>
    /// <param name="Std">Per-channel std (model order).</param>
    /// <param name="ReverseChannels">Reverse the channel order first (BGR ↔ RGB).</param>
    /// <param name="Scale">Multiplier applied before the mean (1 or 1/255).</param>
    internal sealed record Parameters(float[] Mean, float[] Std, bool ReverseChannels, float Scale);

    public (int Height, int Width) OutputSize { get; } = (height, width);

    /// <param name="image">(H, W, C) uint8 or float32 with C = mean count.</param>
    /// <returns>(H, W, C) float32.</returns>
    public Tensor ApplyImage(Tensor image)
    {
        var channels = image.Size(2);
        if (channels != parameters.Mean.Length)
            throw new InvalidOperationException($"Normalize has {parameters.Mean.Length} mean/std values but the image has {channels} channels");
        using var scope = NewDisposeScope();
        var x = image.To(DType.Float32);
        if (parameters.ReverseChannels)
            x = x.Flip(2);
        if (parameters.Scale != 1f)
            x = x.Mul(parameters.Scale);
        var result = x.Sub(From(parameters.Mean, parameters.Mean.Length)).Div(From(parameters.Std, parameters.Std.Length));
        return scope.MoveToOuter(result);
    }

    public void ApplyCoords(Span<float> xy)
    {
    }

    /// <returns>The input itself.</returns>
    public Tensor ApplySegmentation(Tensor segmentation) => segmentation;
}
