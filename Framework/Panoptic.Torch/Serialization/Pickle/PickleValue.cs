namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>
/// A value read from a Python pickle: <see cref="PickleNone"/>, <see cref="PickleBool"/>, <see cref="PickleInt"/>,
/// <see cref="PickleFloat"/>, <see cref="PickleString"/>, <see cref="PickleBytes"/>, <see cref="PickleTuple"/>,
/// <see cref="PickleList"/>, <see cref="PickleSet"/>, <see cref="PickleDict"/>, <see cref="PickleTensor"/>, or the
/// rarer <see cref="PickleStorage"/> / <see cref="PickleGlobal"/>. Disposing a value disposes every tensor under it.
/// </summary>
public abstract class PickleValue : IDisposable
{
    private protected PickleValue() { }

    /// <summary>Python's name for the type (<c>int</c>, <c>str</c>, <c>OrderedDict</c>, <c>Tensor</c>, ...), for messages.</summary>
    public abstract string TypeName { get; }

    /// <summary>The values directly inside this one (items, keys and values, attributes).</summary>
    public virtual IEnumerable<PickleValue> Children => [];

    /// <summary>Item <paramref name="key"/> of a dict (see <see cref="PickleDict"/>).</summary>
    public PickleValue this[string key] => AsDict()[key];

    /// <summary>Item <paramref name="index"/> of a tuple or list.</summary>
    public PickleValue this[int index] => AsSequence()[index];

    /// <summary>This value as a dict; an <see cref="InvalidCastException"/> naming the actual type otherwise.</summary>
    public PickleDict AsDict() => this as PickleDict ?? throw WrongType("dict");

    /// <summary>The items of a tuple or list.</summary>
    public IReadOnlyList<PickleValue> AsSequence() => this switch
    {
        PickleTuple t => t.Items,
        PickleList l => l.Items,
        _ => throw WrongType("tuple or list"),
    };

    /// <summary>An int (or bool) as a long.</summary>
    public long AsInt64() => this switch
    {
        PickleInt i => i.Value,
        PickleBool b => b.Value ? 1 : 0,
        _ => throw WrongType("int"),
    };

    /// <summary>A float, or an int widened to double.</summary>
    public double AsDouble() => this switch
    {
        PickleFloat f => f.Value,
        PickleInt i => i.Value,
        _ => throw WrongType("float"),
    };

    /// <summary>A bool.</summary>
    public bool AsBoolean() => this as PickleBool is { } b ? b.Value : throw WrongType("bool");

    /// <summary>A str.</summary>
    public string AsString() => this as PickleString is { } s ? s.Value : throw WrongType("str");

    /// <summary>The loaded tensor of a <see cref="PickleTensor"/>.</summary>
    public Tensor AsTensor() => this as PickleTensor is { } t ? t.Tensor : throw WrongType("Tensor");

    /// <summary>Whether this is Python's <c>None</c>.</summary>
    public bool IsNone => this is PickleNone;

    /// <summary>Every distinct tensor under this value (depth-first, first occurrence order; cycles are safe).</summary>
    public IEnumerable<Tensor> Tensors()
    {
        var seen = new HashSet<PickleValue>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<PickleValue>();
        pending.Push(this);
        while (pending.Count > 0)
        {
            var value = pending.Pop();
            if (!seen.Add(value)) continue;
            if (value is PickleTensor t) yield return t.Tensor;
            foreach (var child in value.Children.Reverse()) pending.Push(child);
        }
    }

    /// <summary>Disposes every tensor under this value.</summary>
    public void Dispose()
    {
        foreach (var t in Tensors().ToList()) t.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Python-like text, cut at a few levels and items (safe for self-referencing values).</summary>
    public override string ToString() => PickleFormatter.Format(this);

    private InvalidCastException WrongType(string wanted) =>
        new($"pickled value is a {TypeName} ({Describe(this, 80)}), not a {wanted}");

    /// <summary>A Python-like rendering cut to about <paramref name="maxLength"/> characters.</summary>
    public static string Describe(PickleValue value, int maxLength = 200)
    {
        var text = value.ToString() ?? "";
        return text.Length <= maxLength ? text : text[..maxLength] + "...";
    }
}
