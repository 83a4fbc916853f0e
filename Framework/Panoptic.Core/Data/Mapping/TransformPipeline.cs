using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Mapping;

/// <summary>
/// The transforms of a pipeline, in order (detectron2 <c>AugmentationList</c>). For each image it samples one
/// concrete step per transform, each seeing the size the previous one produced. Transforms must be safe to sample
/// from several loader threads at once (they draw only from the generator they are given).
/// </summary>
public sealed class TransformPipeline(IReadOnlyList<ITransform> transforms)
{
    /// <summary>A pipeline that leaves images as they are.</summary>
    public static TransformPipeline Identity { get; } = new([]);

    public IReadOnlyList<ITransform> Transforms { get; } = transforms;

    /// <summary>Samples the steps for an image.</summary>
    /// <param name="height">Image height before the steps.</param>
    /// <param name="width">Image width before the steps.</param>
    /// <param name="random">This image's generator: the same seed gives the same steps.</param>
    public TransformSteps Sample(int height, int width, Random random)
    {
        var steps = new List<ITransformStep>(Transforms.Count);
        var (h, w) = (height, width);
        foreach (var transform in Transforms)
        {
            var step = transform.Sample(h, w, random);
            steps.Add(step);
            (h, w) = step.OutputSize;
        }
        return new TransformSteps(steps, height, width);
    }
}
