using System.Globalization;

namespace Panoptic.Core.Engine.Observability.TensorBoard;

/// <summary>
/// Writes TensorBoard scalars to <c>events.out.tfevents.{unix time}.{host}.{pid}.{n}</c> in a folder (a new file per
/// writer, as TensorFlow and tensorboardX do): a <c>file_version</c> event, then one event per
/// <see cref="AddScalars"/>, each flushed so TensorBoard sees it while training runs.
/// </summary>
public sealed class TensorBoardWriter : IDisposable
{
    private static int s_counter;
    private readonly FileStream _stream;

    public TensorBoardWriter(string directory)
    {
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        var name = string.Create(CultureInfo.InvariantCulture,
            $"events.out.tfevents.{now.ToUnixTimeSeconds():D10}.{Environment.MachineName}.{Environment.ProcessId}.{Interlocked.Increment(ref s_counter)}");
        Path = System.IO.Path.Combine(directory, name);
        _stream = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        TfRecord.Write(_stream, EventProto.FileVersion(WallTime(now)));
        _stream.Flush();
    }

    /// <summary>The event file.</summary>
    public string Path { get; }

    /// <summary>One event at <paramref name="step"/> with every finite value (TensorBoard cannot plot the others).</summary>
    public void AddScalars(long step, IEnumerable<KeyValuePair<string, double>> values)
    {
        var scalars = values.Where(kv => double.IsFinite(kv.Value)).Select(kv => new ScalarValue(kv.Key, (float)kv.Value)).ToList();
        if (scalars.Count == 0)
            return;
        TfRecord.Write(_stream, EventProto.Scalars(WallTime(DateTimeOffset.UtcNow), step, scalars));
        _stream.Flush();
    }

    public void Dispose() => _stream.Dispose();

    private static double WallTime(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
