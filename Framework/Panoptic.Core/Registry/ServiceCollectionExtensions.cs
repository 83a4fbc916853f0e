using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Components;

namespace Panoptic.Core.Registry;

/// <summary>Puts the catalog and one registry per kind in a service collection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds <paramref name="catalog"/> as <see cref="IComponentCatalog"/> and every kind's registry as a singleton.</summary>
    public static IServiceCollection AddComponentRegistries(this IServiceCollection services, ComponentCatalog catalog)
    {
        services.AddSingleton(catalog);
        services.AddSingleton<IComponentCatalog>(catalog);
        foreach (var kind in catalog.Kinds)
            services.AddSingleton(kind.RegistryType, provider => ActivatorUtilities.CreateInstance(provider, kind.RegistryType));
        return services;
    }
}
