using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Structures;

namespace Panoptic.Abstractions.Modeling.Segmentation;

/// <summary>What a semantic head is built with besides its options.</summary>
/// <param name="InputShapes">Shapes of the backbone features it may read.</param>
public sealed record SemanticHeadContext(IReadOnlyDictionary<string, ShapeSpec> InputShapes);

/// <summary>
/// Registry of <see cref="ISemanticHead"/> components.
/// Options constructor: <c>(TOptions options, SemanticHeadContext context, …services)</c>; the class must be a <c>Module</c>.
/// </summary>
[ComponentKind("semantic_head", "semantic head")]
public sealed class SemanticHeadRegistry(IComponentCatalog catalog) : ComponentRegistry<ISemanticHead, SemanticHeadContext>(catalog);
