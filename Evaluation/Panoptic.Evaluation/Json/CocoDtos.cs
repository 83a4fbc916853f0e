using System.Text.Json.Serialization;
using Panoptic.Evaluation.Coco;

namespace Panoptic.Evaluation.Json;

// Wire shapes of COCO instances and results files. Fields are nullable so that a missing one is reported by
// name (with the file and the entry) when the records are built, instead of being silently defaulted.

internal sealed class CocoFileDto
{
    [JsonPropertyName("images")]
    public List<CocoImageDto>? Images { get; set; }

    [JsonPropertyName("annotations")]
    public List<CocoAnnotationDto>? Annotations { get; set; }

    [JsonPropertyName("categories")]
    public List<CocoCategoryDto>? Categories { get; set; }
}

internal sealed class CocoImageDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Id { get; set; }

    [JsonPropertyName("width")]
    [JsonConverter(typeof(FlexibleInt32Converter))]
    public int? Width { get; set; }

    [JsonPropertyName("height")]
    [JsonConverter(typeof(FlexibleInt32Converter))]
    public int? Height { get; set; }

    [JsonPropertyName("file_name")]
    public string? FileName { get; set; }
}

internal sealed class CocoCategoryDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleInt32Converter))]
    public int? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("supercategory")]
    public string? Supercategory { get; set; }
}

/// <summary>What ground-truth annotations and results share.</summary>
internal abstract class CocoObjectDto
{
    [JsonPropertyName("image_id")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? ImageId { get; set; }

    [JsonPropertyName("category_id")]
    [JsonConverter(typeof(FlexibleInt32Converter))]
    public int? CategoryId { get; set; }

    [JsonPropertyName("bbox")]
    public double[]? Bbox { get; set; }

    [JsonPropertyName("segmentation")]
    [JsonConverter(typeof(CocoSegmentationConverter))]
    public CocoSegmentation? Segmentation { get; set; }
}

internal sealed class CocoAnnotationDto : CocoObjectDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Id { get; set; }

    [JsonPropertyName("area")]
    public double? Area { get; set; }

    [JsonPropertyName("iscrowd")]
    [JsonConverter(typeof(FlagConverter))]
    public bool? IsCrowd { get; set; }

    [JsonPropertyName("ignore")]
    [JsonConverter(typeof(FlagConverter))]
    public bool? Ignore { get; set; }
}

internal sealed class CocoResultDto : CocoObjectDto
{
    [JsonPropertyName("score")]
    public double? Score { get; set; }
}
