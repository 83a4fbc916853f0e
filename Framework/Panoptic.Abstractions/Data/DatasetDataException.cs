namespace Panoptic.Abstractions.Data;

/// <summary>
/// A dataset is inconsistent or unreadable: every problem found, each naming the file and the image/annotation id.
/// The command line maps it to exit code 2 and prints the problems (not a stack trace).
/// </summary>
public sealed class DatasetDataException : Exception
{
    /// <summary>Problems shown in the message; the rest are counted.</summary>
    public const int MessageLimit = 10;

    public DatasetDataException(IReadOnlyList<DatasetProblem> problems, Exception? inner = null) : base(Format(problems), inner)
    {
        Problems = problems;
    }

    public DatasetDataException(DatasetProblem problem, Exception? inner = null) : this([problem], inner)
    {
    }

    /// <summary>The problems, in the order they were found.</summary>
    public IReadOnlyList<DatasetProblem> Problems { get; }

    private static string Format(IReadOnlyList<DatasetProblem> problems)
    {
        if (problems.Count == 1)
            return problems[0].ToString();
        var shown = problems.Take(MessageLimit).Select(p => "  " + p);
        var more = problems.Count > MessageLimit ? $"{Environment.NewLine}  … and {problems.Count - MessageLimit} more (panoptic data check lists them all)" : "";
        return $"{problems.Count} dataset problems:{Environment.NewLine}{string.Join(Environment.NewLine, shown)}{more}";
    }
}
