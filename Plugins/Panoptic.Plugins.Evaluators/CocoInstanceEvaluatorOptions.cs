using Panoptic.Abstractions.Config;

namespace Panoptic.Plugins.Evaluators;

/// <summary>Options of <c>CocoInstanceEvaluator</c>.</summary>
public sealed record CocoInstanceEvaluatorOptions : ComponentOptions
{
    /// <summary>Which COCO IoU types to evaluate (<c>bbox</c>, <c>segm</c>).</summary>
    public IReadOnlyList<string> IouTypes { get; init; } = ["bbox", "segm"];

    /// <summary>A COCO instances JSON to use as ground truth; when absent it is built from the records' annotations.</summary>
    public string? GroundTruthJson { get; init; }
}

/// <summary>Options of <c>PanopticQualityEvaluator</c> (none yet).</summary>
public sealed record PanopticQualityEvaluatorOptions : ComponentOptions;
