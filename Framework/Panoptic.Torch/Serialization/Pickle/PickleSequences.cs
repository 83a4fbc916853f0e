namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>A Python <c>tuple</c> (also <c>torch.Size</c>).</summary>
public sealed class PickleTuple(IReadOnlyList<PickleValue> items) : PickleValue
{
    public static readonly PickleTuple Empty = new([]);

    public IReadOnlyList<PickleValue> Items { get; } = items;

    public override string TypeName => "tuple";
    public override IEnumerable<PickleValue> Children => Items;

    public override bool Equals(object? obj) => obj is PickleTuple other && other.Items.SequenceEqual(Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }
}

/// <summary>A Python <c>list</c>.</summary>
public sealed class PickleList : PickleValue
{
    private readonly List<PickleValue> _items;

    public PickleList(IEnumerable<PickleValue> items) => _items = [.. items];

    public IReadOnlyList<PickleValue> Items => _items;

    internal void Add(PickleValue item) => _items.Add(item);

    public override string TypeName => "list";
    public override IEnumerable<PickleValue> Children => _items;
}

/// <summary>A Python <c>set</c> or <c>frozenset</c> (items in pickle order).</summary>
public sealed class PickleSet : PickleValue
{
    private readonly List<PickleValue> _items;

    public PickleSet(IEnumerable<PickleValue> items, bool frozen)
    {
        _items = [.. items];
        IsFrozen = frozen;
    }

    public IReadOnlyList<PickleValue> Items => _items;

    public bool IsFrozen { get; }

    internal void Add(PickleValue item)
    {
        if (!_items.Contains(item)) _items.Add(item);
    }

    public override string TypeName => IsFrozen ? "frozenset" : "set";
    public override IEnumerable<PickleValue> Children => _items;
}
