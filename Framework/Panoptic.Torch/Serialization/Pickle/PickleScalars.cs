namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>Python's <c>None</c>.</summary>
public sealed class PickleNone : PickleValue
{
    /// <summary>The one <c>None</c>.</summary>
    public static readonly PickleNone Instance = new();

    private PickleNone() { }

    public override string TypeName => "NoneType";
}

/// <summary>A Python <c>bool</c>.</summary>
public sealed class PickleBool : PickleValue
{
    public static readonly PickleBool True = new(true);
    public static readonly PickleBool False = new(false);

    private PickleBool(bool value) => Value = value;

    public bool Value { get; }

    /// <summary>The shared instance for <paramref name="value"/>.</summary>
    public static PickleBool Of(bool value) => value ? True : False;

    public override string TypeName => "bool";
}

/// <summary>A Python <c>int</c> that fits in 64 bits (wider ones are rejected when reading).</summary>
public sealed class PickleInt(long value) : PickleValue
{
    public long Value { get; } = value;

    public override string TypeName => "int";
    public override bool Equals(object? obj) => obj is PickleInt other && other.Value == Value;
    public override int GetHashCode() => Value.GetHashCode();
}

/// <summary>A Python <c>float</c>.</summary>
public sealed class PickleFloat(double value) : PickleValue
{
    public double Value { get; } = value;

    public override string TypeName => "float";
    public override bool Equals(object? obj) => obj is PickleFloat other && other.Value.Equals(Value);
    public override int GetHashCode() => Value.GetHashCode();
}

/// <summary>A Python <c>str</c>.</summary>
public sealed class PickleString(string value) : PickleValue
{
    public string Value { get; } = value;

    public override string TypeName => "str";
    public override bool Equals(object? obj) => obj is PickleString other && other.Value == Value;
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}

/// <summary>A Python <c>bytes</c> (or <c>bytearray</c>).</summary>
public sealed class PickleBytes(byte[] value) : PickleValue
{
    public ReadOnlyMemory<byte> Value { get; } = value;

    public override string TypeName => "bytes";
    public override bool Equals(object? obj) => obj is PickleBytes other && other.Value.Span.SequenceEqual(Value.Span);
    public override int GetHashCode() => Value.Length;
}
