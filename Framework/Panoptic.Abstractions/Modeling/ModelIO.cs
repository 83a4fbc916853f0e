using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Abstractions.Modeling;

/// <summary>One image as the model receives it (detectron2's batched input dict).</summary>
/// <param name="Image">
/// (C, H, W) in the dataset's image format, after transforms: from the loader float32 (a view into the batch's
/// <see cref="Structures.ImageList"/>), 0..255 unless a normalising transform ran.
/// </param>
/// <param name="Height">Height results are reported at (the original image's).</param>
/// <param name="Width">Width results are reported at.</param>
public sealed record ModelInput(Tensor Image, int Height, int Width)
{
    /// <summary>Ground-truth instances in transformed-image coordinates (training).</summary>
    public Instances? Instances { get; init; }

    /// <summary>(H, W) int64 semantic labels, 255 = ignore (training of semantic heads).</summary>
    public Tensor? SemanticSegmentation { get; init; }

    /// <summary>The dataset record the input came from (evaluators read ids from it).</summary>
    public DatasetRecord? Record { get; init; }
}

/// <summary>What the model predicts for one image, at the input's <c>Height</c>×<c>Width</c>.</summary>
public sealed record ModelOutput
{
    /// <summary>Detections: <c>pred_boxes</c>, <c>scores</c>, <c>pred_classes</c>, <c>pred_masks</c> (R, H, W) bool.</summary>
    public Instances? Instances { get; init; }

    /// <summary>(K, H, W) float32 semantic logits.</summary>
    public Tensor? SemanticSegmentation { get; init; }

    public PanopticResult? Panoptic { get; init; }
}

/// <summary>Detections or proposals per image together with the losses computed on the way (empty at inference).</summary>
/// <param name="Instances">One <see cref="Structures.Instances"/> per image.</param>
/// <param name="Losses">Named scalar loss tensors.</param>
public sealed record InstancesWithLosses(IReadOnlyList<Instances> Instances, IReadOnlyDictionary<string, Tensor> Losses);

/// <summary>
/// Marker of modeling components: they are <see cref="Panoptic.Torch.NN.Module"/> subclasses (the host checks it at
/// registration), so a parent registers them as sub-modules and their parameters train and load with it.
/// </summary>
public interface IModelComponent;
