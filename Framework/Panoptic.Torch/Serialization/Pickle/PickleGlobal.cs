namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>A reference to an allow-listed Python global (e.g. <c>torch.FloatStorage</c>) left uncalled in the data.</summary>
public sealed class PickleGlobal(string module, string name) : PickleValue
{
    public string Module { get; } = module;

    public string Name { get; } = name;

    /// <summary><c>module.name</c>.</summary>
    public string FullName => $"{Module}.{Name}";

    public override string TypeName => "global";
}
