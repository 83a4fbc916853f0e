namespace Panoptic.Abstractions.Data;

/// <summary>A dataset source: reads annotations (COCO JSON, panoptic PNGs, a synthetic generator) into records.</summary>
public interface IDatasetSource
{
    /// <summary>Classes and ids of the dataset.</summary>
    DatasetMetadata Metadata { get; }

    /// <summary>Reads every record; image pixels are not decoded here.</summary>
    IReadOnlyList<DatasetRecord> Load();
}
