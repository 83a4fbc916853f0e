namespace Panoptic.Torch.Serialization;

/// <summary>The legacy <c>torch.*Storage</c> classes named in persistent ids, and the element type of each.</summary>
internal static class TorchStorageTypes
{
    private static readonly Dictionary<string, DType> ByName = new(StringComparer.Ordinal)
    {
        ["FloatStorage"] = DType.Float32,
        ["DoubleStorage"] = DType.Float64,
        ["HalfStorage"] = DType.Float16,
        ["BFloat16Storage"] = DType.BFloat16,
        ["LongStorage"] = DType.Int64,
        ["IntStorage"] = DType.Int32,
        ["ShortStorage"] = DType.Int16,
        ["CharStorage"] = DType.Int8,
        ["ByteStorage"] = DType.UInt8,
        ["BoolStorage"] = DType.Bool,
        ["UntypedStorage"] = DType.UInt8,
    };

    /// <summary>The storage type names this reader accepts, for messages.</summary>
    public static string Supported => string.Join(", ", ByName.Keys.Select(n => "torch." + n));

    /// <summary>The dtype of <c>torch.&lt;name&gt;</c> (<paramref name="module"/> must be <c>torch</c>).</summary>
    public static bool TryGetDType(string module, string name, out DType dtype)
    {
        dtype = default;
        return module == "torch" && ByName.TryGetValue(name, out dtype);
    }
}
