using Panoptic.Abstractions.Components;
using Panoptic.Abstractions.Data;

namespace Panoptic.Abstractions.Evaluation;

/// <summary>What an evaluator is built with besides its options.</summary>
/// <param name="Metadata">The evaluated dataset's classes and annotation file.</param>
/// <param name="OutputDirectory">Where it may write predictions and reports.</param>
public sealed record EvaluatorContext(DatasetMetadata Metadata, string OutputDirectory);

/// <summary>
/// Registry of <see cref="IEvaluator"/> components.
/// Options constructor: <c>(TOptions options, EvaluatorContext context, …services)</c>.
/// </summary>
[ComponentKind("evaluator", "evaluator")]
public sealed class EvaluatorRegistry(IComponentCatalog catalog) : ComponentRegistry<IEvaluator, EvaluatorContext>(catalog);
