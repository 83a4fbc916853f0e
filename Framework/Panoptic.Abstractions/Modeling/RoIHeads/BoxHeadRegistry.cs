using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Structures;

namespace Panoptic.Abstractions.Modeling.RoIHeads;

/// <summary>What a box head is built with besides its options.</summary>
/// <param name="Input">Shape of the pooled features (C, S×S).</param>
public sealed record BoxHeadContext(ShapeSpec Input);

/// <summary>
/// Registry of <see cref="IBoxHead"/> components.
/// Options constructor: <c>(TOptions options, BoxHeadContext context, …services)</c>; the class must be a <c>Module</c>.
/// </summary>
[ComponentKind("box_head", "box head")]
public sealed class BoxHeadRegistry(IComponentCatalog catalog) : ComponentRegistry<IBoxHead, BoxHeadContext>(catalog);
