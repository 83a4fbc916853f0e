using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Structures;

namespace Panoptic.Abstractions.Modeling.RoIHeads;

/// <summary>What a RoI heads is built with besides its options.</summary>
/// <param name="InputShapes">Shapes of the backbone features it may read.</param>
public sealed record RoIHeadsContext(IReadOnlyDictionary<string, ShapeSpec> InputShapes);

/// <summary>
/// Registry of <see cref="IRoIHeads"/> components.
/// Options constructor: <c>(TOptions options, RoIHeadsContext context, …services)</c>; the class must be a <c>Module</c>.
/// </summary>
[ComponentKind("roi_heads", "RoI heads")]
public sealed class RoIHeadsRegistry(IComponentCatalog catalog) : ComponentRegistry<IRoIHeads, RoIHeadsContext>(catalog);
