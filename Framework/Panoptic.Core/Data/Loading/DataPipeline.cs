using Microsoft.Extensions.DependencyInjection;
using Panoptic.Abstractions.Config;
using Panoptic.Abstractions.Data;
using Panoptic.Core.Config.Sections;
using Panoptic.Core.Data.Mapping;

namespace Panoptic.Core.Data.Loading;

/// <summary>
/// The <c>dataset:</c> section made real (detectron2 <c>build_detection_train_loader</c> /
/// <c>build_detection_test_loader</c>): builds the configured sources and transforms through their registries,
/// concatenates and filters training records, and makes mappers and loaders with the section's settings.
/// </summary>
public sealed class DataPipeline(DatasetSection section, DatasetSourceRegistry sources, TransformRegistry transforms)
{
    public DatasetSection Section { get; } = section;

    /// <summary>The pipeline of a composed runtime's container (<c>PanopticRuntime.Services</c>).</summary>
    public static DataPipeline From(IServiceProvider services) => new(
        services.GetRequiredService<DatasetSection>(),
        services.GetRequiredService<DatasetSourceRegistry>(),
        services.GetRequiredService<TransformRegistry>());

    /// <summary>The training sources concatenated; images without non-crowd annotations dropped when <c>loader.filter_empty_annotations</c>.</summary>
    /// <exception cref="ConfigException">No training source is configured.</exception>
    /// <exception cref="DatasetDataException">A source's data is inconsistent, or sources disagree on the classes.</exception>
    public LoadedDataset LoadTrain()
    {
        if (Section.Train.Count == 0)
            throw new ConfigException(new ConfigError(new ConfigSource.Default(nameof(DatasetSection)), "dataset.train", "no training dataset: list at least one source (name: CocoPanoptic, …)"));
        var loaded = Section.Train.Select(spec => Load(spec, isTrain: true)).ToList();
        var first = loaded[0];
        foreach (var other in loaded.Skip(1))
            RequireSameClasses(first, other);
        var records = loaded.SelectMany(d => d.Records);
        if (Section.Loader.FilterEmptyAnnotations)
            records = records.Where(r => r.Annotations.Any(a => !a.IsCrowd));
        return new LoadedDataset(string.Join("+", loaded.Select(d => d.Name)), first.Metadata, records.ToList());
    }

    /// <summary>Each test source on its own (they are evaluated apart).</summary>
    public IReadOnlyList<LoadedDataset> LoadTest() => Section.Test.Select(spec => Load(spec, isTrain: false)).ToList();

    /// <summary>The transforms of the training or test pipeline, built with this section's image format.</summary>
    public TransformPipeline Transforms(bool isTrain)
    {
        var context = new TransformContext(isTrain) { ImageFormat = Section.ImageFormat };
        var specs = isTrain ? Section.TrainTransforms : Section.TestTransforms;
        return new TransformPipeline(specs.Select(spec => transforms.Build(spec, context)).ToList());
    }

    /// <summary>A mapper for training (ground truth built) or inference (image only).</summary>
    public DatasetMapper Mapper(bool isTrain) => new(Transforms(isTrain), new MapperOptions
    {
        ImageFormat = Section.ImageFormat,
        MaskFormat = Section.MaskFormat,
        LoadTargets = isTrain,
        CrowdSemantics = Section.CrowdSemantics,
    });

    /// <summary>The endless, shuffled, aspect-grouped training stream.</summary>
    /// <param name="dataset">From <see cref="LoadTrain"/>.</param>
    /// <param name="batchSize">Images per batch (<c>solver.ims_per_batch</c>).</param>
    /// <param name="seed">Root seed (<c>runtime.seed</c>).</param>
    /// <param name="shard">Data parallelism: this rank's slice of each batch of <paramref name="batchSize"/>.</param>
    public DataLoader TrainLoader(LoadedDataset dataset, int batchSize, ulong seed, LoaderShard? shard = null) =>
        new(dataset.Records, Mapper(isTrain: true), Settings(batchSize, seed) with { Infinite = true, Shuffle = Section.Loader.Shuffle, Shard = shard });

    /// <summary>One pass in file order, no grouping, nothing dropped.</summary>
    public DataLoader TestLoader(LoadedDataset dataset, int batchSize = 1) =>
        new(dataset.Records, Mapper(isTrain: false), Settings(batchSize, 0) with { Infinite = false, Shuffle = false, AspectRatioGrouping = false });

    private LoaderSettings Settings(int batchSize, ulong seed) => new()
    {
        BatchSize = batchSize,
        Seed = seed,
        NumWorkers = Section.Loader.NumWorkers,
        AspectRatioGrouping = Section.Loader.AspectRatioGrouping,
        SizeDivisibility = Section.Loader.SizeDivisibility,
        PrefetchBatches = Section.Loader.PrefetchBatches,
    };

    private LoadedDataset Load(Abstractions.Components.ComponentSpec<IDatasetSource> spec, bool isTrain)
    {
        var source = sources.Build(spec, new DatasetSourceContext(isTrain));
        return new LoadedDataset(source.Metadata.Name, source.Metadata, source.Load());
    }

    private static void RequireSameClasses(LoadedDataset a, LoadedDataset b)
    {
        if (a.Metadata.ThingClasses.SequenceEqual(b.Metadata.ThingClasses) && a.Metadata.StuffClasses.SequenceEqual(b.Metadata.StuffClasses))
            return;
        throw new DatasetDataException(new DatasetProblem(DatasetProblemKind.UnknownCategory, b.Metadata.AnnotationFile ?? b.Name,
            $"training sources '{a.Name}' and '{b.Name}' have different classes ({a.Metadata.ThingClasses.Count}+{a.Metadata.StuffClasses.Count} vs {b.Metadata.ThingClasses.Count}+{b.Metadata.StuffClasses.Count} thing+semantic); concatenated sources must share them"));
    }
}
