namespace Panoptic.Evaluation.Coco;

/// <summary>
/// An object-size bucket in pixels² (closed on both ends, as in pycocotools: an area of exactly 32² is both
/// "small" and "medium"). Ground truth outside the range is ignored; unmatched detections outside it are ignored.
/// </summary>
public sealed record CocoAreaRange(string Label, double Min, double Max)
{
    /// <summary>all [0, 1e5²], small [0, 32²], medium [32², 96²], large [96², 1e5²].</summary>
    public static IReadOnlyList<CocoAreaRange> Defaults { get; } =
    [
        new("all", 0, 1e5 * 1e5),
        new("small", 0, 32 * 32),
        new("medium", 32 * 32, 96 * 96),
        new("large", 96 * 96, 1e5 * 1e5),
    ];

    /// <summary>Whether an area falls outside the range (pycocotools: <c>area &lt; min or area &gt; max</c>).</summary>
    public bool Excludes(double area) => area < Min || area > Max;
}
