namespace Panoptic.Core.Engine.Observability;

/// <summary>Progress as plain lines on a writer: one per logged iteration (detectron2 <c>CommonMetricPrinter</c>), and messages.</summary>
/// <param name="output">Where lines go.</param>
/// <param name="iterations">Write a line per logged iteration; false writes messages only.</param>
public sealed class PlainProgress(TextWriter output, bool iterations = true) : ITrainingProgress
{
    /// <summary>Writes nothing (library use, tests).</summary>
    public static PlainProgress Silent { get; } = new(TextWriter.Null);

    public T Run<T>(int startIteration, int maxIterations, Func<T> body) => body();

    public void Report(ProgressSnapshot snapshot)
    {
        if (iterations && snapshot.IsLogIteration)
            Message(snapshot.Describe());
    }

    public void Message(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }
}
