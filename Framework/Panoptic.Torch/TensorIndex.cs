namespace Panoptic.Torch;

/// <summary>
/// One entry of a Python-style index <c>x[...]</c>: an integer, a slice, <c>None</c> (new axis), an ellipsis, a bool,
/// or an index/mask tensor. Converts implicitly from <c>long</c>, <c>int</c>, <see cref="Range"/>, <see cref="Index"/>,
/// <c>bool</c> and <see cref="Tensor"/>, so <c>x[0, 1..^1, TensorIndex.Ellipsis]</c> reads like PyTorch.
/// </summary>
public readonly struct TensorIndex
{
    internal enum IndexKind { None = 0, Ellipsis = 1, Integer = 2, Slice = 3, Tensor = 4, Bool = 5 }

    internal readonly IndexKind Kind;
    internal readonly long Start;
    internal readonly long Stop;
    internal readonly long Step;
    internal readonly int Has; // bit 0 start, bit 1 stop, bit 2 step
    internal readonly Tensor? Tensor;

    private TensorIndex(IndexKind kind, long start = 0, long stop = 0, long step = 1, int has = 0, Tensor? tensor = null)
    {
        Kind = kind;
        Start = start;
        Stop = stop;
        Step = step;
        Has = has;
        Tensor = tensor;
    }

    /// <summary><c>None</c>: inserts a dimension of size 1.</summary>
    public static TensorIndex NewAxis => new(IndexKind.None);

    /// <summary><c>...</c>: as many full slices as needed.</summary>
    public static TensorIndex Ellipsis => new(IndexKind.Ellipsis);

    /// <summary><c>:</c>, the whole dimension.</summary>
    public static TensorIndex Colon => new(IndexKind.Slice);

    public static TensorIndex Single(long i) => new(IndexKind.Integer, i);

    /// <summary><c>start:stop:step</c>; a null bound is omitted as in Python.</summary>
    public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) =>
        new(IndexKind.Slice, start ?? 0, stop ?? 0, step ?? 1,
            (start.HasValue ? 1 : 0) | (stop.HasValue ? 2 : 0) | (step.HasValue ? 4 : 0));

    public static TensorIndex Of(Tensor t) => new(IndexKind.Tensor, tensor: t);

    public static implicit operator TensorIndex(long i) => Single(i);
    public static implicit operator TensorIndex(int i) => Single(i);
    public static implicit operator TensorIndex(bool b) => new(IndexKind.Bool, b ? 1 : 0);
    public static implicit operator TensorIndex(Tensor t) => Of(t);
    /// <summary><c>^n</c> is Python's <c>-n</c>; <c>^0</c> (one past the end) is not an element and is rejected.</summary>
    public static implicit operator TensorIndex(Index i) => i.IsFromEnd
        ? i.Value == 0 ? throw new TorchException("index ^0 is past the end of the dimension") : Single(-i.Value)
        : Single(i.Value);

    /// <summary>
    /// <c>a..b</c> is Python's <c>a:b</c>, with <c>^n</c> as <c>-n</c>: <c>1..^1</c> is <c>1:-1</c>, <c>^2..</c> is
    /// <c>-2:</c>, and a start of <c>^0</c> (the end) gives an empty slice.
    /// </summary>
    public static implicit operator TensorIndex(Range r)
    {
        long? start = r.Start.IsFromEnd ? (r.Start.Value == 0 ? long.MaxValue : -r.Start.Value) : r.Start.Value;
        long? stop = r.End.IsFromEnd ? (r.End.Value == 0 ? null : -r.End.Value) : r.End.Value;
        if (start == 0) start = null;
        return Slice(start, stop);
    }
}
