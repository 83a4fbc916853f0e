using Panoptic.Abstractions.Components;

namespace Panoptic.Abstractions.Data;

/// <summary>What a dataset source is built with besides its options.</summary>
/// <param name="IsTrain">True for the training split (sources may filter empty images then).</param>
public sealed record DatasetSourceContext(bool IsTrain);

/// <summary>
/// Registry of <see cref="IDatasetSource"/> components (detectron2 <c>DatasetCatalog</c>).
/// Options constructor: <c>(TOptions options, DatasetSourceContext context, …services)</c>.
/// </summary>
[ComponentKind("dataset", "dataset source")]
public sealed class DatasetSourceRegistry(IComponentCatalog catalog) : ComponentRegistry<IDatasetSource, DatasetSourceContext>(catalog);
