using System.Globalization;

namespace Panoptic.Core.Engine.Observability;

/// <summary>Human-readable lines of a run: shown through the progress display and appended, time-stamped, to <c>log.txt</c> in the output folder.</summary>
public sealed class RunLog : IDisposable
{
    public const string FileName = "log.txt";

    private readonly StreamWriter? _file;

    /// <param name="progress">Where lines are shown.</param>
    /// <param name="directory">Output folder for <c>log.txt</c>; null keeps no file.</param>
    public RunLog(ITrainingProgress progress, string? directory)
    {
        Progress = progress;
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
            _file = new StreamWriter(new FileStream(Path.Combine(directory, FileName), FileMode.Append, FileAccess.Write, FileShare.Read)) { NewLine = "\n" };
        }
    }

    public ITrainingProgress Progress { get; }

    public void Info(string line)
    {
        Progress.Message(line);
        Write(line);
    }

    /// <summary>Into <c>log.txt</c> only (the progress display shows it its own way).</summary>
    public void Write(string line)
    {
        if (_file is null)
            return;
        _file.WriteLine($"[{DateTime.Now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}] {line}");
        _file.Flush();
    }

    public void Dispose() => _file?.Dispose();
}
