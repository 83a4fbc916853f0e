using Panoptic.Abstractions.Data;
using Panoptic.Core.Data.Loading;
using Panoptic.Core.Hosting;

namespace Panoptic.Cli.Commands.Inference;

/// <summary>
/// What <c>panoptic infer</c> knows of the classes: the metadata of the config's first test dataset (names and
/// dataset category ids, so results use the dataset's ids) and its images' ids by file name.
/// </summary>
/// <param name="Metadata">Null when the config has no test dataset or it could not be read.</param>
/// <param name="ImageIds">File name (no folder) → the dataset's image id.</param>
/// <param name="Note">What was found, for the console.</param>
internal sealed record InferenceDataset(DatasetMetadata? Metadata, IReadOnlyDictionary<string, long> ImageIds, string Note)
{
    public static InferenceDataset From(PanopticRuntime runtime)
    {
        var pipeline = DataPipeline.From(runtime.Services);
        if (pipeline.Section.Test.Count == 0)
            return new(null, new Dictionary<string, long>(), "no dataset.test in the config: classes are written as contiguous indices + --category-id-offset");
        LoadedDataset dataset;
        try
        {
            dataset = pipeline.LoadTest()[0];
        }
        catch (Exception e) when (e is DatasetDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            return new(null, new Dictionary<string, long>(), $"dataset.test could not be read ({e.Message}): classes are written as contiguous indices + --category-id-offset");
        }
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var record in dataset.Records)
            ids.TryAdd(Path.GetFileName(record.FileName), record.ImageId);
        return new(dataset.Metadata, ids, $"classes and image ids of {dataset.Name} ({dataset.Metadata.ThingClasses.Count} thing, {Math.Max(0, dataset.Metadata.StuffClasses.Count - 1)} stuff classes)");
    }

    /// <summary>The image id of <paramref name="path"/>: the dataset's, else the file name's number, else position + 1.</summary>
    public long ImageId(string path, int index) =>
        ImageIds.TryGetValue(Path.GetFileName(path), out var id) ? id : ImageInputs.ImageId(path, index);
}
