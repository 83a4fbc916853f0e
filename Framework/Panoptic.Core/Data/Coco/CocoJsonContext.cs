using System.Text.Json.Serialization;

namespace Panoptic.Core.Data.Coco;

// Wire shapes of the parts of COCO files that Panoptic.Evaluation's readers do not keep: the images list of a
// panoptic file and panopticapi's categories file. Fields are nullable so a missing one is reported by name.

internal sealed class ImageListFile
{
    [JsonPropertyName("images")]
    public List<ImageListEntry>? Images { get; set; }
}

internal sealed class ImageListEntry
{
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    [JsonPropertyName("file_name")]
    public string? FileName { get; set; }

    [JsonPropertyName("width")]
    public int? Width { get; set; }

    [JsonPropertyName("height")]
    public int? Height { get; set; }
}

internal sealed class CategoryEntry
{
    [JsonPropertyName("id")]
    public int? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("isthing")]
    public int? IsThing { get; set; }
}

[JsonSerializable(typeof(ImageListFile))]
[JsonSerializable(typeof(List<CategoryEntry>))]
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
internal sealed partial class CocoJsonContext : JsonSerializerContext;
