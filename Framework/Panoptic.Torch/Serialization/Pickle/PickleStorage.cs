namespace Panoptic.Torch.Serialization.Pickle;

/// <summary>
/// A PyTorch storage named by a persistent id (<c>('storage', torch.FloatStorage, key, location, numel)</c>): the
/// record <c>data/&lt;key&gt;</c> of the archive holds its <see cref="Numel"/> elements.
/// </summary>
public sealed class PickleStorage(string key, DType dtype, string location, long numel) : PickleValue
{
    public string Key { get; } = key;

    public DType DType { get; } = dtype;

    /// <summary>Where it was saved from (<c>cpu</c>, <c>cuda:0</c>); informational, loading picks the device.</summary>
    public string Location { get; } = location;

    /// <summary>Elements (not bytes).</summary>
    public long Numel { get; } = numel;

    public override string TypeName => "Storage";
}
