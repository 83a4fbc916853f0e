namespace Panoptic.Core.Engine.Observability;

/// <summary>
/// How training shows progress on the console: a live bar (the command line's, on a terminal) or plain periodic lines
/// (<see cref="PlainProgress"/>, when output is redirected). The trainer runs its whole loop inside <see cref="Run{T}"/>
/// so a live display can own the console meanwhile, and writes every other line through <see cref="Message"/>.
/// </summary>
public interface ITrainingProgress
{
    /// <summary>Runs the training loop (<paramref name="body"/>) from <paramref name="startIteration"/> to <paramref name="maxIterations"/>.</summary>
    T Run<T>(int startIteration, int maxIterations, Func<T> body);

    /// <summary>After every iteration.</summary>
    void Report(ProgressSnapshot snapshot);

    /// <summary>A line for the user (a checkpoint written, an evaluation's metrics).</summary>
    void Message(string line);
}
