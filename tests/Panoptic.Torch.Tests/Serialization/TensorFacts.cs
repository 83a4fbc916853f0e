using System.Security.Cryptography;
using System.Text.Json;

namespace Panoptic.Torch.Tests.Serialization;

/// <summary>What the reference script reports for one tensor: name, dtype, shape and the SHA-256 of its row-major bytes.</summary>
public sealed record TensorFacts(string Name, string DType, long[] Shape, string Sha256)
{
    public static TensorFacts Of(string name, Tensor t) =>
        new(name, t.DType.Name(), t.Shape, Sha256Of(t));

    public static string Sha256Of(Tensor t) => Convert.ToHexStringLower(SHA256.HashData(t.ToBytes()));

    /// <summary>Parses <c>[{"name":..,"dtype":..,"shape":[..],"sha256":..}, ...]</c>.</summary>
    public static List<TensorFacts> ParseList(JsonElement array) =>
        array.EnumerateArray().Select(e => new TensorFacts(
            e.GetProperty("name").GetString()!,
            e.GetProperty("dtype").GetString()!,
            e.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
            e.GetProperty("sha256").GetString()!)).ToList();

    /// <summary>Records compare by value, including the shape.</summary>
    public bool Equals(TensorFacts? other) =>
        other is not null && Name == other.Name && DType == other.DType && Shape.SequenceEqual(other.Shape) && Sha256 == other.Sha256;

    public override int GetHashCode() => HashCode.Combine(Name, DType, Sha256);

    public override string ToString() => $"{Name}: {DType}[{string.Join(", ", Shape)}] {Sha256[..12]}";
}
