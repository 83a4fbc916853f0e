using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data;

/// <summary>
/// What a format reader made of a dataset: its classes, its records, and every problem it met on the way (entries it
/// skipped). Sources refuse to train on a load with errors (<see cref="ThrowIfErrors"/>); <c>panoptic data check</c>
/// prints them all.
/// </summary>
/// <param name="Metadata">Classes and ids.</param>
/// <param name="Records">One per image, in file order.</param>
/// <param name="Problems">What was wrong, in the order found.</param>
public sealed record DatasetLoad(DatasetMetadata Metadata, IReadOnlyList<DatasetRecord> Records, IReadOnlyList<DatasetProblem> Problems)
{
    /// <summary>The problems that make the dataset unusable (not the warnings).</summary>
    public IEnumerable<DatasetProblem> Errors => Problems.Where(p => p.Severity == DatasetProblemSeverity.Error);

    /// <summary>Returns the records, or throws when any problem is an error.</summary>
    /// <exception cref="DatasetDataException">Every error, each naming the file and id.</exception>
    public IReadOnlyList<DatasetRecord> ThrowIfErrors()
    {
        var errors = Errors.ToList();
        return errors.Count == 0 ? Records : throw new DatasetDataException(errors);
    }
}
