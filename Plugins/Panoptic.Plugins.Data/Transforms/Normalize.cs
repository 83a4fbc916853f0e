using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Data;

namespace Panoptic.Plugins.Data.Transforms;

/// <summary>
/// Subtracts a per-channel mean and divides by a per-channel std, optionally after scaling to [0, 1] and reversing
/// the channel order, so detectron2-style (BGR, 0..255) and torchvision-style (RGB, [0, 1]) weights both get the
/// input they were trained on. Put it last: steps after it see float32 images.
/// </summary>
[Component("Normalize", Description = "Per-channel (x·scale − mean) / std, with the model's channel order (last transform).")]
public sealed class Normalize : ITransform
{
    private readonly NormalizeStep.Parameters _parameters;

    /// <param name="mean">Per-channel mean, in <paramref name="channelOrder"/>.</param>
    /// <param name="std">Per-channel std, same order.</param>
    /// <param name="inputOrder">Order images arrive in (<c>dataset.image_format</c>).</param>
    /// <param name="channelOrder">Order the model expects; null for <paramref name="inputOrder"/>.</param>
    /// <param name="unitRange">Divide by 255 first.</param>
    public Normalize(IReadOnlyList<double> mean, IReadOnlyList<double> std, ImageFormat inputOrder, ImageFormat? channelOrder = null, bool unitRange = false)
    {
        if (mean.Count != std.Count || mean.Count == 0)
            throw new ArgumentException($"mean ({mean.Count}) and std ({std.Count}) need the same, non-zero channel count", nameof(std));
        if (std.Any(s => s <= 0))
            throw new ArgumentOutOfRangeException(nameof(std), "std must be positive");
        _parameters = new NormalizeStep.Parameters(
            mean.Select(v => (float)v).ToArray(),
            std.Select(v => (float)v).ToArray(),
            ReverseChannels: channelOrder is { } order && order != inputOrder,
            Scale: unitRange ? 1f / 255 : 1f);
    }

    public Normalize(NormalizeOptions options, TransformContext context)
        : this(options.Mean, options.Std, context.ImageFormat, options.ChannelOrder, options.UnitRange)
    {
    }

    public ITransformStep Sample(int height, int width, Random random) => new NormalizeStep(height, width, _parameters);
}
