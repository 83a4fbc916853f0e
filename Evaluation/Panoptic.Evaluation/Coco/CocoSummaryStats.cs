namespace Panoptic.Evaluation.Coco;

/// <summary>
/// The 12 standard COCO numbers (pycocotools' <c>stats</c>), each in 0..1, or -1 where no setting had ground truth.
/// AP is averaged over IoU .50:.05:.95 and 101 recall points; APs/APm/APl and ARs/ARm/ARl use the small (&lt; 32²),
/// medium (32²..96²) and large (&gt; 96²) buckets; AR1/AR10/AR100 cap detections per image and category.
/// </summary>
public sealed record CocoSummaryStats(
    double AP, double AP50, double AP75, double APs, double APm, double APl,
    double AR1, double AR10, double AR100, double ARs, double ARm, double ARl)
{
    /// <summary>The names, in pycocotools' order (also the JSON keys of the CLI).</summary>
    public static IReadOnlyList<string> Names { get; } = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"];

    /// <summary>The values, in pycocotools' order.</summary>
    public double[] ToArray() => [AP, AP50, AP75, APs, APm, APl, AR1, AR10, AR100, ARs, ARm, ARl];
}
