using System.Text.Json.Serialization;

namespace Panoptic.Evaluation.Json;

// Wire shapes of COCO panoptic files (ground truth and predictions share them).

internal sealed class PanopticFileDto
{
    [JsonPropertyName("images")]
    public List<CocoImageDto>? Images { get; set; }

    [JsonPropertyName("annotations")]
    public List<PanopticAnnotationDto>? Annotations { get; set; }

    [JsonPropertyName("categories")]
    public List<PanopticCategoryDto>? Categories { get; set; }
}

internal sealed class PanopticAnnotationDto
{
    [JsonPropertyName("image_id")]
    [JsonConverter(typeof(IdTextConverter))]
    public string? ImageId { get; set; }

    [JsonPropertyName("file_name")]
    public string? FileName { get; set; }

    [JsonPropertyName("segments_info")]
    public List<PanopticSegmentDto>? SegmentsInfo { get; set; }
}

internal sealed class PanopticSegmentDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Id { get; set; }

    [JsonPropertyName("category_id")]
    [JsonConverter(typeof(FlexibleInt32Converter))]
    public int? CategoryId { get; set; }

    [JsonPropertyName("iscrowd")]
    [JsonConverter(typeof(FlagConverter))]
    public bool? IsCrowd { get; set; }

    [JsonPropertyName("area")]
    [JsonConverter(typeof(FlexibleInt64Converter))]
    public long? Area { get; set; }

    [JsonPropertyName("bbox")]
    public double[]? Bbox { get; set; }
}

internal sealed class PanopticCategoryDto
{
    [JsonPropertyName("id")]
    [JsonConverter(typeof(FlexibleInt32Converter))]
    public int? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("supercategory")]
    public string? Supercategory { get; set; }

    [JsonPropertyName("isthing")]
    [JsonConverter(typeof(FlagConverter))]
    public bool? IsThing { get; set; }

    [JsonPropertyName("color")]
    public int[]? Color { get; set; }
}
