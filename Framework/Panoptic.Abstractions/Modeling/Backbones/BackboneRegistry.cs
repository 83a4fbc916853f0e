using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Structures;

namespace Panoptic.Abstractions.Modeling.Backbones;

/// <summary>What a backbone is built with besides its options.</summary>
/// <param name="Input">Shape of the input images (channels; stride 1).</param>
public sealed record BackboneContext(ShapeSpec Input);

/// <summary>
/// Registry of <see cref="IBackbone"/> components.
/// Options constructor: <c>(TOptions options, BackboneContext context, …services)</c>; the class must be a <c>Module</c>.
/// </summary>
[ComponentKind("backbone", "backbone")]
public sealed class BackboneRegistry(IComponentCatalog catalog) : ComponentRegistry<IBackbone, BackboneContext>(catalog);
