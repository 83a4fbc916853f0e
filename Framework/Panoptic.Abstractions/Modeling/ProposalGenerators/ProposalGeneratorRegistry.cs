using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Structures;

namespace Panoptic.Abstractions.Modeling.ProposalGenerators;

/// <summary>What a proposal generator is built with besides its options.</summary>
/// <param name="InputShapes">Shapes of the backbone features it may read.</param>
public sealed record ProposalGeneratorContext(IReadOnlyDictionary<string, ShapeSpec> InputShapes);

/// <summary>
/// Registry of <see cref="IProposalGenerator"/> components.
/// Options constructor: <c>(TOptions options, ProposalGeneratorContext context, …services)</c>; the class must be a <c>Module</c>.
/// </summary>
[ComponentKind("proposal_generator", "proposal generator")]
public sealed class ProposalGeneratorRegistry(IComponentCatalog catalog) : ComponentRegistry<IProposalGenerator, ProposalGeneratorContext>(catalog);
