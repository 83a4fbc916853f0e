using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Data;

namespace Panoptic.Abstractions.Modeling;

/// <summary>What a meta-architecture is built with besides its options.</summary>
/// <param name="Metadata">Classes of the training dataset, when known (fusion and visualisation use them).</param>
public sealed record MetaArchitectureContext(DatasetMetadata? Metadata = null);

/// <summary>
/// Registry of <see cref="IMetaArchitecture"/> components.
/// Options constructor: <c>(TOptions options, MetaArchitectureContext context, …services)</c>; the class must be a <c>Module</c>.
/// </summary>
[ComponentKind("meta_architecture", "meta-architecture")]
public sealed class MetaArchitectureRegistry(IComponentCatalog catalog) : ComponentRegistry<IMetaArchitecture, MetaArchitectureContext>(catalog);
