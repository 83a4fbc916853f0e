using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;

namespace Panoptic.Abstractions.Modeling.Segmentation;

/// <summary>What a panoptic fusion is built with besides its options.</summary>
/// <param name="Metadata">Classes (which semantic labels are stuff), when known.</param>
public sealed record PanopticFusionContext(DatasetMetadata? Metadata = null);

/// <summary>
/// Registry of <see cref="IPanopticFusion"/> components.
/// Options constructor: <c>(TOptions options, PanopticFusionContext context, …services)</c>; the class must be a <c>Module</c>.
/// </summary>
[ComponentKind("panoptic_fusion", "panoptic fusion")]
public sealed class PanopticFusionRegistry(IComponentCatalog catalog) : ComponentRegistry<IPanopticFusion, PanopticFusionContext>(catalog);
