namespace Panoptic.Core.Engine.Observability;

/// <summary>The last <see cref="Capacity"/> values of a series and their median (detectron2 <c>HistoryBuffer.median</c>).</summary>
public sealed class ScalarWindow(int capacity)
{
    private readonly Queue<double> _values = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "must be at least 1");

    public int Count => _values.Count;

    public void Add(double value)
    {
        if (_values.Count == Capacity)
            _values.Dequeue();
        _values.Enqueue(value);
    }

    /// <summary>The median of the window (mean of the middle two for an even count); NaN when empty.</summary>
    public double Median()
    {
        if (_values.Count == 0)
            return double.NaN;
        var sorted = _values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
