using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Loading;

/// <summary>The records of one or more concatenated sources and their shared classes.</summary>
/// <param name="Name">Dataset name(s), joined with '+'.</param>
/// <param name="Metadata">Classes (the first source's; all sources must agree).</param>
/// <param name="Records">Every record, sources in config order.</param>
public sealed record LoadedDataset(string Name, DatasetMetadata Metadata, IReadOnlyList<DatasetRecord> Records);
