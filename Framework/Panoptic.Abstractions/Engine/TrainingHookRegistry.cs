using Panoptic.Abstractions.Components;

namespace Panoptic.Abstractions.Engine;

/// <summary>What a hook is built with besides its options.</summary>
/// <param name="OutputDirectory">The run's output directory (<c>runtime.output_dir</c>).</param>
public sealed record TrainingHookContext(string OutputDirectory);

/// <summary>
/// Registry of <see cref="ITrainingHook"/> components.
/// Options constructor: <c>(TOptions options, TrainingHookContext context, …services)</c>.
/// </summary>
[ComponentKind("hook", "training hook")]
public sealed class TrainingHookRegistry(IComponentCatalog catalog) : ComponentRegistry<ITrainingHook, TrainingHookContext>(catalog);
