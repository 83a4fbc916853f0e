using Panoptic.Abstractions.Components;

namespace Panoptic.Abstractions.Data;

/// <summary>What a transform is built with besides its options.</summary>
/// <param name="IsTrain">True in the training pipeline (augmentations may turn themselves off at test time).</param>
public sealed record TransformContext(bool IsTrain)
{
    /// <summary>Channel order the images reach the transforms in (the dataset's <c>image_format</c>).</summary>
    public ImageFormat ImageFormat { get; init; } = ImageFormat.BGR;
}

/// <summary>
/// Registry of <see cref="ITransform"/> components.
/// Options constructor: <c>(TOptions options, TransformContext context, …services)</c>.
/// </summary>
[ComponentKind("transform", "transform")]
public sealed class TransformRegistry(IComponentCatalog catalog) : ComponentRegistry<ITransform, TransformContext>(catalog);
