using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;
using Panoptic.Torch.NN;
using F = Panoptic.Torch.NN.Functional;

namespace Panoptic.Plugins.MaskRCNN.MetaArchitectures;

using Torch = Panoptic.Torch.Torch;

/// <summary>A batch as the network sees it, with each image's size before and after the model's resize.</summary>
/// <param name="Images">Normalised, resized, padded images.</param>
/// <param name="Targets">Ground truth in network-input coordinates (training), else null.</param>
public sealed record PreprocessedBatch(ImageList Images, IReadOnlyList<Instances>? Targets);

/// <summary>
/// Turns <see cref="ModelInput"/>s into the padded batch (detectron2 <c>preprocess_image</c>, torchvision
/// <c>GeneralizedRCNNTransform</c>): (image / divisor − mean) / std, then — when <c>min_size</c> is set — torchvision's
/// resize (scale = min(min_size/short, max_size/long) in float32 as torchvision computes it, output
/// ⌊side·scale⌋, bilinear) with boxes and masks following, then zero padding to a multiple of the size divisibility.
/// </summary>
public sealed class ImagePreprocessor
{
    public ImagePreprocessor(IReadOnlyList<double> pixelMean, IReadOnlyList<double> pixelStd, double pixelDivisor = 1.0,
        IReadOnlyList<int>? minSize = null, int maxSize = 1333, int sizeDivisibility = 0)
    {
        if (pixelMean.Count != pixelStd.Count)
            throw new ArgumentException($"pixel_mean has {pixelMean.Count} channels, pixel_std {pixelStd.Count}");
        (PixelMean, PixelStd, PixelDivisor, MinSize, MaxSize, SizeDivisibility) = (pixelMean, pixelStd, pixelDivisor, minSize ?? [], maxSize, sizeDivisibility);
    }

    public IReadOnlyList<double> PixelMean { get; }

    public IReadOnlyList<double> PixelStd { get; }

    public double PixelDivisor { get; }

    public IReadOnlyList<int> MinSize { get; }

    public int MaxSize { get; }

    public int SizeDivisibility { get; }

    /// <param name="batch">Images (C, H, W) and, with <paramref name="withTargets"/>, their ground truth.</param>
    /// <param name="training">Draw the resize target among <see cref="MinSize"/> (else its last entry).</param>
    /// <param name="withTargets">Carry <see cref="ModelInput.Instances"/> along (an input without them is an error).</param>
    /// <param name="device">
    /// The model's device: images and targets are moved there (detectron2 moves each input to <c>self.device</c>);
    /// null keeps the first image's device.
    /// </param>
    public PreprocessedBatch Process(IReadOnlyList<ModelInput> batch, bool training, bool withTargets, Device? device = null)
    {
        if (batch.Count == 0)
            throw new ArgumentException("the batch is empty", nameof(batch));
        using var scope = Torch.NewDisposeScope();
        var onDevice = device ?? batch[0].Image.Device;
        var channels = PixelMean.Count;
        var mean = Torch.From(PixelMean.Select(v => (float)v).ToArray(), channels, 1, 1).To(onDevice);
        var std = Torch.From(PixelStd.Select(v => (float)v).ToArray(), channels, 1, 1).To(onDevice);
        var images = new List<Tensor>(batch.Count);
        var targets = withTargets ? new List<Instances>(batch.Count) : null;
        foreach (var input in batch)
        {
            if (input.Image.Dim != 3 || input.Image.Size(0) != channels)
                throw new ArgumentException($"images must be (C, H, W) with C = {channels} (pixel_mean's length), got [{string.Join(", ", input.Image.Shape)}]");
            var image = input.Image.To(onDevice, DType.Float32);
            if (PixelDivisor != 1.0)
                image = image / PixelDivisor;
            image = (image - mean) / std;
            var (height, width) = ((int)image.Size(1), (int)image.Size(2));
            var (newHeight, newWidth) = MinSize.Count == 0 ? (height, width) : ResizedSize(height, width, TargetSize(training));
            if ((newHeight, newWidth) != (height, width))
                image = F.Interpolate(image.Unsqueeze(0), size: (newHeight, newWidth), mode: InterpolationMode.Bilinear).Squeeze(0);
            images.Add(image);
            if (targets is not null)
            {
                var instances = input.Instances
                    ?? throw new ArgumentException("training needs ground truth: every ModelInput must carry Instances");
                targets.Add(TargetResize.Apply(instances.To(onDevice), (height, width), (newHeight, newWidth)));
            }
        }
        var padded = Pad(images);
        var sizes = images.Select(i => ((int)i.Size(1), (int)i.Size(2))).ToList();
        var list = new ImageList(scope.MoveToOuter(padded), sizes);
        if (targets is not null)
        {
            foreach (var target in targets)
                Modeling.Structures.ScopedInstances.MoveToOuter(scope, target);
        }
        return new PreprocessedBatch(list, targets);
    }

    /// <summary>torchvision's <c>_resize_image_and_masks</c> output size: float32 scale (x/t computed as t⁻¹·x), ⌊side·scale⌋ in double.</summary>
    public (int Height, int Width) ResizedSize(int height, int width, int minSize)
    {
        var shorter = (float)Math.Min(height, width);
        var longer = (float)Math.Max(height, width);
        var scale = MathF.Min(1f / shorter * minSize, 1f / longer * MaxSize);
        return ((int)Math.Floor(height * (double)scale), (int)Math.Floor(width * (double)scale));
    }

    private int TargetSize(bool training)
    {
        if (!training || MinSize.Count == 1)
            return MinSize[^1];
        using var choice = Torch.Randint(0, MinSize.Count, [1]);
        return MinSize[(int)choice.ToInt64()];
    }

    /// <summary>Zero-pads every (C, h, w) image to the batch's largest size rounded up to the size divisibility: (N, C, H, W).</summary>
    private Tensor Pad(IReadOnlyList<Tensor> images)
    {
        var height = images.Max(i => i.Size(1));
        var width = images.Max(i => i.Size(2));
        if (SizeDivisibility > 1)
        {
            height = (height + SizeDivisibility - 1) / SizeDivisibility * SizeDivisibility;
            width = (width + SizeDivisibility - 1) / SizeDivisibility * SizeDivisibility;
        }
        var padded = images.Select(i => F.Pad(i, [0, width - i.Size(2), 0, height - i.Size(1)])).ToList();
        return Torch.Stack(padded, 0);
    }
}
