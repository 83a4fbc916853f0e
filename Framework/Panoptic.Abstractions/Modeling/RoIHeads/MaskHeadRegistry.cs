using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Structures;

namespace Panoptic.Abstractions.Modeling.RoIHeads;

/// <summary>What a mask head is built with besides its options.</summary>
/// <param name="Input">Shape of the pooled features (C, S×S).</param>
/// <param name="NumClasses">Foreground classes (the RoI heads' <c>num_classes</c>).</param>
public sealed record MaskHeadContext(ShapeSpec Input, int NumClasses);

/// <summary>
/// Registry of <see cref="IMaskHead"/> components.
/// Options constructor: <c>(TOptions options, MaskHeadContext context, …services)</c>; the class must be a <c>Module</c>.
/// </summary>
[ComponentKind("mask_head", "mask head")]
public sealed class MaskHeadRegistry(IComponentCatalog catalog) : ComponentRegistry<IMaskHead, MaskHeadContext>(catalog);
