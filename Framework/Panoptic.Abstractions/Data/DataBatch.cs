using Panoptic.Abstractions.Modeling;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Data;

/// <summary>
/// One batch from the data loader: the images padded into an <see cref="ImageList"/>, and per image the
/// <see cref="ModelInput"/> (image view, ground-truth instances, semantic target, record). The batch owns every tensor
/// in it; dispose it once the step is done (tensors made on loader threads belong to no dispose scope).
/// </summary>
public sealed class DataBatch : IDisposable
{
    private bool _disposed;

    /// <param name="images">(N, C, H, W) float32, zero-padded at the bottom/right to the size divisibility.</param>
    /// <param name="inputs">Per image: <c>Image</c> is the (C, h, w) view of its unpadded pixels in <paramref name="images"/>.</param>
    /// <param name="semanticTargets">(N, H, W) int64 semantic labels padded with the ignore label (255), or null.</param>
    public DataBatch(ImageList images, IReadOnlyList<ModelInput> inputs, Tensor? semanticTargets)
    {
        if (inputs.Count != images.Count)
            throw new ArgumentException($"batch has {images.Count} images but {inputs.Count} inputs", nameof(inputs));
        Images = images;
        Inputs = inputs;
        SemanticTargets = semanticTargets;
    }

    /// <summary>(N, C, H, W) float32 images, padded; <see cref="ImageList.ImageSizes"/> are the unpadded sizes.</summary>
    public ImageList Images { get; }

    /// <summary>Per image: pixels (a view into <see cref="Images"/>), instances, semantic target (a view into <see cref="SemanticTargets"/>), record.</summary>
    public IReadOnlyList<ModelInput> Inputs { get; }

    /// <summary>(N, H, W) int64 semantic labels, padding and unlabeled pixels 255; null when the dataset has none.</summary>
    public Tensor? SemanticTargets { get; }

    /// <summary>Number of images.</summary>
    public int Count => Inputs.Count;

    /// <summary>The dataset records of the images, in batch order.</summary>
    public IEnumerable<DatasetRecord> Records => Inputs.Select(i => i.Record!);

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        foreach (var input in Inputs)
        {
            input.Image.Dispose();
            input.SemanticSegmentation?.Dispose();
            if (input.Instances is { } instances)
                DisposeFields(instances);
        }
        Images.Tensor.Dispose();
        SemanticTargets?.Dispose();
    }

    /// <summary>Disposes the tensors held by the fields of <paramref name="instances"/>.</summary>
    public static void DisposeFields(Instances instances)
    {
        foreach (var name in instances.FieldNames)
        {
            switch (instances.Get<object>(name))
            {
                case Tensor tensor:
                    tensor.Dispose();
                    break;
                case Boxes boxes:
                    boxes.Tensor.Dispose();
                    break;
                case BitMasks masks:
                    masks.Tensor.Dispose();
                    break;
            }
        }
    }
}
