using System.Text.Json;
using System.Text.Json.Serialization;

namespace Panoptic.Evaluation.Json;

/// <summary>Reads a whole number written as an integer or as an integral float (<c>3</c> or <c>3.0</c>), as Python's json accepts both.</summary>
internal sealed class FlexibleInt64Converter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonNumbers.ReadInt64(ref reader);

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>32-bit variant of <see cref="FlexibleInt64Converter"/>.</summary>
internal sealed class FlexibleInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = JsonNumbers.ReadInt64(ref reader);
        if (value is < int.MinValue or > int.MaxValue)
            throw new JsonException($"number {value} does not fit in 32 bits");
        return (int)value;
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>A 0/1 flag written as a number or as <c>true</c>/<c>false</c> (nonzero = true, like Python's truthiness).</summary>
internal sealed class FlagConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number => reader.GetDouble() != 0,
        _ => throw new JsonException($"expected a 0/1 flag, got {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteNumberValue(value ? 1 : 0);
}

/// <summary>An id that may be a number or a string (panoptic datasets use both); kept as its text.</summary>
internal sealed class IdTextConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => JsonNumbers.ReadInt64(ref reader).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new JsonException($"expected an id (number or string), got {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        if (long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
            writer.WriteNumberValue(number);
        else
            writer.WriteStringValue(value);
    }
}

internal static class JsonNumbers
{
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw new JsonException($"expected a number, got {reader.TokenType}");
        if (reader.TryGetInt64(out var value))
            return value;
        var d = reader.GetDouble();
        if (Math.Floor(d) != d || Math.Abs(d) > 9e15)
            throw new JsonException($"expected a whole number, got {d}");
        return (long)d;
    }
}
