using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Validation;

/// <summary>What <c>panoptic data check</c> found in one dataset.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="Source">The annotation file (or the config entry).</param>
/// <param name="Images">Records checked.</param>
/// <param name="Objects">Instance annotations or panoptic segments.</param>
/// <param name="Problems">Every problem, reading problems first, then per image in file order.</param>
/// <param name="Histogram">Per class counts, things then stuff.</param>
public sealed record DatasetReport(string Name, string Source, int Images, long Objects, IReadOnlyList<DatasetProblem> Problems, IReadOnlyList<CategoryCount> Histogram)
{
    public int ErrorCount => Problems.Count(p => p.Severity == DatasetProblemSeverity.Error);

    public int WarningCount => Problems.Count(p => p.Severity == DatasetProblemSeverity.Warning);

    /// <summary>True when the dataset is not fit for training or evaluation.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>A report for a dataset that could not be read at all.</summary>
    public static DatasetReport Unreadable(string name, string source, IReadOnlyList<DatasetProblem> problems) => new(name, source, 0, 0, problems, []);
}
