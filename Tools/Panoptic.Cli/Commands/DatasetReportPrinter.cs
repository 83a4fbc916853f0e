using Panoptic.Abstractions.Config;
using Panoptic.Core.Data.Validation;

namespace Panoptic.Cli.Commands;

/// <summary>Prints a <see cref="DatasetReport"/>: a header, the problems (one line each: file, image, id, kind, message), the class histogram.</summary>
internal static class DatasetReportPrinter
{
    public static void Print(DatasetReport report, int maxProblems)
    {
        Console.WriteLine($"dataset {report.Name} ({ConfigSource.DisplayPath(report.Source)}): {report.Images} images, {report.Objects} annotations/segments");
        if (report.Problems.Count == 0)
            Console.WriteLine("  no problems");
        else
            Console.WriteLine($"  {report.ErrorCount} error(s), {report.WarningCount} warning(s):");
        foreach (var problem in report.Problems.Take(maxProblems))
            Console.WriteLine($"    {problem with { File = ConfigSource.DisplayPath(problem.File) }}");
        if (report.Problems.Count > maxProblems)
            Console.WriteLine($"    … {report.Problems.Count - maxProblems} more (--max-problems)");
        if (report.Histogram.Count == 0)
            return;
        var present = report.Histogram.Where(c => c.Images > 0).ToList();
        var width = Math.Max(5, report.Histogram.Max(c => c.Name.Length));
        Console.WriteLine($"  {"index",5}  {"class".PadRight(width)}  {"kind",-5}  {"instances",9}  {"crowd",6}  {"images",6}");
        foreach (var c in present)
            Console.WriteLine($"  {c.Index,5}  {c.Name.PadRight(width)}  {(c.IsThing ? "thing" : "stuff"),-5}  {c.Instances,9}  {c.Crowd,6}  {c.Images,6}");
        if (present.Count < report.Histogram.Count)
            Console.WriteLine($"  ({report.Histogram.Count - present.Count} of {report.Histogram.Count} classes do not occur)");
    }
}
