using System.Reflection;
using System.Runtime.Loader;
using Panoptic.Abstractions.Components;

namespace Panoptic.Core.Plugins;

/// <summary>
/// The assemblies every plugin takes from the host's default context instead of its own folder:
/// Panoptic.Abstractions, Panoptic.Torch, Microsoft.Extensions.DependencyInjection.Abstractions (the container passes
/// its types to components) and everything they reference, computed once, eagerly, at start-up; plus, by name only,
/// the host libraries built-in plugins build on: Panoptic.Core (format readers, data pipeline) and Panoptic.Evaluation
/// (masks, metrics). Their own dependencies (YamlDotNet, …) stay private, so a plugin may bring other versions.
/// Sharing them is what makes a plugin's <c>IMaskHead</c> the same type as the host's.
/// </summary>
public sealed class SharedAssemblies
{
    private static readonly Lazy<SharedAssemblies> DefaultSet = new(() => Compute(
        typeof(ComponentAttribute).Assembly,
        typeof(Panoptic.Torch.Tensor).Assembly,
        typeof(Microsoft.Extensions.DependencyInjection.ActivatorUtilities).Assembly).With(
        typeof(SharedAssemblies).Assembly,
        typeof(Panoptic.Evaluation.Masks.RleMask).Assembly));

    private readonly HashSet<string> _names;

    private SharedAssemblies(HashSet<string> names) => _names = names;

    /// <summary>The host's shared set.</summary>
    public static SharedAssemblies Default => DefaultSet.Value;

    /// <summary>Simple names of the shared assemblies.</summary>
    public IReadOnlyCollection<string> Names => _names;

    public bool Contains(AssemblyName name) => name.Name is { } simple && _names.Contains(simple);

    /// <summary>This set plus <paramref name="assemblies"/> themselves (not their references).</summary>
    public SharedAssemblies With(params Assembly[] assemblies) =>
        new(new HashSet<string>(_names.Concat(assemblies.Select(a => a.GetName().Name!)), StringComparer.OrdinalIgnoreCase));

    /// <summary>The roots and their transitive references, loading each into the default context.</summary>
    public static SharedAssemblies Compute(params Assembly[] roots)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Assembly>(roots);
        while (pending.Count > 0)
        {
            var assembly = pending.Dequeue();
            if (assembly.GetName().Name is not { } name || !names.Add(name))
                continue;
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || names.Contains(reference.Name))
                    continue;
                try
                {
                    pending.Enqueue(AssemblyLoadContext.Default.LoadFromAssemblyName(reference));
                }
                catch (FileNotFoundException)
                {
                    // Referenced but not deployed with the host (an optional dependency): it stays shared by name.
                    names.Add(reference.Name);
                }
            }
        }
        return new SharedAssemblies(names);
    }
}
