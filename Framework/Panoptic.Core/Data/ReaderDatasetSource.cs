using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data;

/// <summary>
/// Base of dataset sources backed by a format reader: the files are read once, on first use (metadata or records),
/// and a load with errors is refused with every error, by file and id (<see cref="DatasetLoad.ThrowIfErrors"/>).
/// </summary>
/// <param name="read">Reads the dataset (for example <see cref="Coco.CocoPanopticReader.Read"/> with the source's options).</param>
public abstract class ReaderDatasetSource(Func<DatasetLoad> read) : IDatasetSource
{
    private readonly Lazy<DatasetLoad> _load = new(read);

    /// <exception cref="DatasetDataException">The files cannot be read.</exception>
    public DatasetMetadata Metadata => _load.Value.Metadata;

    /// <exception cref="DatasetDataException">The files are unreadable or inconsistent.</exception>
    public IReadOnlyList<DatasetRecord> Load() => _load.Value.ThrowIfErrors();
}
