namespace Panoptic.Torch.Serialization;

/// <summary>The safetensors dtype codes ("F32", "BF16", "BOOL", ...) of the dtypes Panoptic.Torch supports.</summary>
internal static class SafeTensorsDType
{
    private static readonly (DType DType, string Code)[] Table =
    [
        (DType.Float32, "F32"), (DType.Float64, "F64"), (DType.Float16, "F16"), (DType.BFloat16, "BF16"),
        (DType.Int64, "I64"), (DType.Int32, "I32"), (DType.Int16, "I16"), (DType.Int8, "I8"),
        (DType.UInt8, "U8"), (DType.Bool, "BOOL"),
    ];

    public static string Supported => string.Join(", ", Table.Select(e => e.Code));

    public static string Code(DType dtype)
    {
        foreach (var (d, code) in Table)
            if (d == dtype) return code;
        throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "no safetensors code for this dtype");
    }

    /// <summary>The dtype of an exact (case-sensitive) safetensors code.</summary>
    public static bool TryParse(string code, out DType dtype)
    {
        foreach (var (d, c) in Table)
        {
            if (c != code) continue;
            dtype = d;
            return true;
        }
        dtype = default;
        return false;
    }
}
