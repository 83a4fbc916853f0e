using Panoptic.Abstractions.Data;
using Panoptic.Torch;

namespace Panoptic.Core.Tests.Support;

/// <summary>A test transform: mirrors left–right on a coin toss, and counts how many images it was sampled for.</summary>
internal sealed class CoinFlip : ITransform
{
    private int _sampled;

    /// <summary>Images sampled so far (the loader samples once per mapped image).</summary>
    public int Sampled => Volatile.Read(ref _sampled);

    /// <summary>Delay per sample, to make the loader's workers slow.</summary>
    public TimeSpan Delay { get; init; }

    public ITransformStep Sample(int height, int width, Random random)
    {
        Interlocked.Increment(ref _sampled);
        if (Delay > TimeSpan.Zero)
            Thread.Sleep(Delay);
        return new Step(height, width, random.Next(2) == 1);
    }

    private sealed class Step(int height, int width, bool flip) : ITransformStep
    {
        public (int Height, int Width) OutputSize => (height, width);

        public Tensor ApplyImage(Tensor image) => flip ? image.Flip(1) : image;

        public void ApplyCoords(Span<float> xy)
        {
            for (var i = 0; flip && i < xy.Length; i += 2)
                xy[i] = width - xy[i];
        }

        public Tensor ApplySegmentation(Tensor segmentation) => flip ? segmentation.Flip(-1) : segmentation;
    }
}
