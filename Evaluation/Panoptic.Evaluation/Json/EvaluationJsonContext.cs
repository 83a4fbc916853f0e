using System.Text.Json.Serialization;

namespace Panoptic.Evaluation.Json;

/// <summary>Source-generated (reflection-free) serializers for the wire shapes.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(CocoFileDto))]
[JsonSerializable(typeof(List<CocoResultDto>))]
[JsonSerializable(typeof(PanopticFileDto))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
