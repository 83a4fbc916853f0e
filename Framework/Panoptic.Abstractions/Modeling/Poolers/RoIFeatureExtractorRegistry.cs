using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Structures;

namespace Panoptic.Abstractions.Modeling.Poolers;

/// <summary>What a RoI feature extractor is built with besides its options.</summary>
/// <param name="InputShapes">The pyramid levels it pools from (their strides give the scales), finest first.</param>
public sealed record RoIFeatureExtractorContext(IReadOnlyList<ShapeSpec> InputShapes);

/// <summary>
/// Registry of <see cref="IRoIFeatureExtractor"/> components.
/// Options constructor: <c>(TOptions options, RoIFeatureExtractorContext context, …services)</c>; the class must be a <c>Module</c>.
/// </summary>
[ComponentKind("roi_feature_extractor", "RoI feature extractor")]
public sealed class RoIFeatureExtractorRegistry(IComponentCatalog catalog) : ComponentRegistry<IRoIFeatureExtractor, RoIFeatureExtractorContext>(catalog);
