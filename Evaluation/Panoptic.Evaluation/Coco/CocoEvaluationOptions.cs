using Panoptic.Evaluation.Numerics;

namespace Panoptic.Evaluation.Coco;

/// <summary>
/// Parameters of a COCO evaluation (pycocotools' <c>Params</c>); the defaults are pycocotools' for detection.
/// </summary>
public sealed record CocoEvaluationOptions
{
    /// <summary>pycocotools' IoU thresholds, <c>np.linspace(.5, .95, 10)</c> (exact doubles).</summary>
    public static IReadOnlyList<double> DefaultIouThresholds { get; } = NumpyMath.Linspace(.5, .95, 10);

    /// <summary>pycocotools' 101 recall points, <c>np.linspace(0, 1, 101)</c>.</summary>
    public static IReadOnlyList<double> DefaultRecallThresholds { get; } = NumpyMath.Linspace(0, 1, 101);

    /// <summary>Box or mask IoU. Default <see cref="CocoIouType.Segm"/>, as pycocotools.</summary>
    public CocoIouType IouType { get; init; } = CocoIouType.Segm;

    /// <summary>IoU thresholds; a match needs IoU ≥ threshold (capped at 1 - 1e-10).</summary>
    public IReadOnlyList<double> IouThresholds { get; init; } = DefaultIouThresholds;

    /// <summary>Recall points at which the interpolated precision is sampled.</summary>
    public IReadOnlyList<double> RecallThresholds { get; init; } = DefaultRecallThresholds;

    /// <summary>
    /// Detection limits per image and category (sorted before use). The summary uses the first three
    /// (AR1, AR10, AR100 and the AP figures at the third); the largest one bounds what is evaluated.
    /// </summary>
    public IReadOnlyList<int> MaxDetections { get; init; } = [1, 10, 100];

    /// <summary>Area buckets; the summary looks them up by the labels "all", "small", "medium" and "large".</summary>
    public IReadOnlyList<CocoAreaRange> AreaRanges { get; init; } = CocoAreaRange.Defaults;

    /// <summary>Categories to evaluate (sorted, duplicates removed); null for every category of the ground truth.</summary>
    public IReadOnlyList<int>? CategoryIds { get; init; }

    /// <summary>Images to evaluate (sorted, duplicates removed); null for every image of the ground truth.</summary>
    public IReadOnlyList<long>? ImageIds { get; init; }

    /// <summary>
    /// For <see cref="CocoIouType.Segm"/>: keep a <c>bbox</c> that segm results carry. Default false: the box is
    /// dropped (as detectron2 does before calling pycocotools), so a result's area — which picks its area bucket — is
    /// its mask area. When true, pycocotools' <c>loadRes</c> applies as is: if the first result has a box, every
    /// result's area is its box's width × height.
    /// </summary>
    public bool KeepBoxOnSegmResults { get; init; }

    /// <summary>
    /// Also ignore ground truth whose JSON has <c>"ignore": 1</c>. Default false: pycocotools reads the flag and then
    /// overwrites it with <c>iscrowd</c>, so only crowd annotations are ignored.
    /// </summary>
    public bool HonorIgnoreFlag { get; init; }

    /// <summary>Threads for evaluation (images, then categories, in parallel); null for all cores. The result does not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    internal ParallelOptions ParallelOptions => new() { MaxDegreeOfParallelism = MaxDegreeOfParallelism ?? -1 };
}
