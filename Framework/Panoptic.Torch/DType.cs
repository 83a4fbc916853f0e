namespace Panoptic.Torch;

/// <summary>Element types; the values are libtorch's <c>c10::ScalarType</c> codes (stable across 1.13 and 2.x).</summary>
public enum DType
{
    UInt8 = 0,
    Int8 = 1,
    Int16 = 2,
    Int32 = 3,
    Int64 = 4,
    Float16 = 5,
    Float32 = 6,
    Float64 = 7,
    Bool = 11,
    BFloat16 = 15,
}

/// <summary>Facts about <see cref="DType"/> values and the mapping from .NET element types.</summary>
public static class DTypes
{
    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.UInt8 or DType.Int8 or DType.Bool => 1,
        DType.Int16 or DType.Float16 or DType.BFloat16 => 2,
        DType.Int32 or DType.Float32 => 4,
        DType.Int64 or DType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown dtype"),
    };

    public static bool IsFloatingPoint(this DType dtype) =>
        dtype is DType.Float16 or DType.Float32 or DType.Float64 or DType.BFloat16;

    /// <summary>The dtype that holds elements of the .NET type <typeparamref name="T"/>.</summary>
    public static DType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return DType.Float32;
        if (typeof(T) == typeof(double)) return DType.Float64;
        if (typeof(T) == typeof(long)) return DType.Int64;
        if (typeof(T) == typeof(int)) return DType.Int32;
        if (typeof(T) == typeof(short)) return DType.Int16;
        if (typeof(T) == typeof(byte)) return DType.UInt8;
        if (typeof(T) == typeof(sbyte)) return DType.Int8;
        if (typeof(T) == typeof(bool)) return DType.Bool;
        if (typeof(T) == typeof(Half)) return DType.Float16;
        throw new ArgumentException($"no tensor dtype holds elements of type {typeof(T).Name}");
    }

    /// <summary>PyTorch's name (<c>torch.float32</c> is "float32").</summary>
    public static string Name(this DType dtype) => dtype.ToString().ToLowerInvariant();

    /// <summary>Parses PyTorch/safetensors names: float32/float/F32, int64/long/I64, uint8/U8, bool/BOOL, ...</summary>
    public static DType Parse(string name) => name.ToLowerInvariant() switch
    {
        "float32" or "float" or "f32" => DType.Float32,
        "float64" or "double" or "f64" => DType.Float64,
        "float16" or "half" or "f16" => DType.Float16,
        "bfloat16" or "bf16" => DType.BFloat16,
        "int64" or "long" or "i64" => DType.Int64,
        "int32" or "int" or "i32" => DType.Int32,
        "int16" or "short" or "i16" => DType.Int16,
        "int8" or "i8" => DType.Int8,
        "uint8" or "byte" or "u8" => DType.UInt8,
        "bool" => DType.Bool,
        _ => throw new ArgumentException(
            $"unknown dtype '{name}' (valid: float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8, bool)"),
    };
}
