using System.Runtime.InteropServices;
using Panoptic.Abstractions.Structures;
using Panoptic.Torch;

namespace Panoptic.Plugins.PanopticFPN.Fusion;

using Torch = Panoptic.Torch.Torch;

/// <summary>
/// The fusion rules as pure functions: instances + semantic labels of one image → segment-id map + segments.
/// Segment ids count from 1 (things first, in painting order, then stuff by ascending label); 0 is void.
/// </summary>
public static class FusionRules
{
    /// <summary>The semantic label of every thing pixel (Panoptic FPN's "separated" labels); never a stuff segment.</summary>
    public const long ThingsLabel = 0;

    /// <summary>
    /// detectron2's <c>combine_semantic_and_instance_outputs</c>. Instances by descending score (ties in input order),
    /// stopping at the first scoring below <see cref="FusionThresholds.InstanceScoreThreshold"/>; an instance whose
    /// overlap with pixels already painted, divided by its own area, exceeds <see cref="FusionThresholds.OverlapThreshold"/>
    /// is skipped, else its not-yet-painted pixels become its segment. Then each stuff label of the semantic map
    /// (ascending, the things label 0 excluded) takes its unclaimed pixels if there are at least
    /// <see cref="FusionThresholds.StuffAreaLimit"/> of them. Everything else is void (0). Differences from detectron2:
    /// a segment with no pixel is never listed (detectron2 lists one when the overlap threshold is 1 or the stuff
    /// area limit 0), and every segment carries its area.
    /// </summary>
    /// <param name="instances">Masks (R, H, W), scores, classes (<see cref="FusionInstances.From"/>).</param>
    /// <param name="semanticLabels">(H, W) int64 semantic labels: 0 = things, 1..S = stuff.</param>
    /// <param name="thresholds">The three thresholds.</param>
    /// <param name="categories">Contiguous classes → dataset category ids.</param>
    /// <returns>(H, W) int32 id map on the CPU (the caller owns it) and the segments in id order.</returns>
    public static PanopticResult Heuristic(FusionInstances instances, Tensor semanticLabels, FusionThresholds thresholds, PanopticCategories categories) =>
        Combine(instances, semanticLabels, thresholds, categories, restrictToThings: false);

    /// <summary>
    /// Semantic-first fusion: the semantic head decides, pixel by pixel, thing or stuff, and instances only divide the
    /// thing pixels. Every instance mask is first restricted to the pixels labelled 0 ("things"); the restricted masks
    /// then go through <see cref="Heuristic"/>'s instance loop (score order and cut, overlap rule on the restricted
    /// area, empty restricted masks skipped). Stuff is <see cref="Heuristic"/>'s step, so each stuff label keeps all
    /// its pixels when it has at least the area limit. Thing pixels no instance claims stay void, and an instance
    /// never overwrites a pixel the semantic head calls stuff.
    /// </summary>
    /// <param name="instances">Masks (R, H, W), scores, classes (<see cref="FusionInstances.From"/>).</param>
    /// <param name="semanticLabels">(H, W) int64 semantic labels: 0 = things, 1..S = stuff.</param>
    /// <param name="thresholds">The three thresholds.</param>
    /// <param name="categories">Contiguous classes → dataset category ids.</param>
    /// <returns>(H, W) int32 id map on the CPU (the caller owns it) and the segments in id order.</returns>
    public static PanopticResult SemanticFirst(FusionInstances instances, Tensor semanticLabels, FusionThresholds thresholds, PanopticCategories categories) =>
        Combine(instances, semanticLabels, thresholds, categories, restrictToThings: true);

    private static PanopticResult Combine(FusionInstances instances, Tensor semanticLabels, FusionThresholds thresholds, PanopticCategories categories, bool restrictToThings)
    {
        if (semanticLabels.Dim != 2)
            throw new ArgumentException($"semantic labels have shape [{string.Join(", ", semanticLabels.Shape)}]; expected (H, W)", nameof(semanticLabels));
        var (height, width) = (semanticLabels.Size(0), semanticLabels.Size(1));
        using var cpuLabels = semanticLabels.To(Device.Cpu, DType.Int64);
        using var labels = cpuLabels.Contiguous();
        var labelSpan = labels.AsSpan<long>();
        var pixels = labelSpan.Length;
        var segmentation = Torch.Zeros([height, width], DType.Int32);
        try
        {
            var ids = segmentation.AsSpan<int>();
            var taken = new byte[pixels];
            byte[] region = [];
            if (restrictToThings && instances.Count > 0)
            {
                region = new byte[pixels];
                for (var p = 0; p < pixels; p++)
                    region[p] = labelSpan[p] == ThingsLabel ? (byte)1 : (byte)0;
            }
            ReadOnlySpan<byte> masks = instances.Masks is { } m ? MemoryMarshal.AsBytes(m.AsSpan<bool>()) : [];
            if (masks.Length != (long)instances.Count * pixels)
                throw new ArgumentException($"instance masks hold {masks.Length} pixels; {instances.Count} masks of {height}×{width} need {(long)instances.Count * pixels}", nameof(instances));
            var things = SegmentPainter.PaintInstances(masks, instances.Scores, instances.OrderByScore(), region, thresholds, ids, taken, nextId: 1);
            var stuff = SegmentPainter.PaintStuff(labelSpan, ThingsLabel, thresholds.StuffAreaLimit, ids, nextId: things.Count + 1);
            var segments = new List<PanopticSegment>(things.Count + stuff.Count);
            foreach (var t in things)
            {
                var classIndex = checked((int)instances.Classes[t.Instance]);
                segments.Add(new PanopticSegment(t.Id, categories.Thing(classIndex), classIndex, IsThing: true, t.Area, instances.Scores[t.Instance], t.Instance));
            }
            foreach (var s in stuff)
                segments.Add(new PanopticSegment(s.Id, categories.Stuff(s.Label), s.Label, IsThing: false, s.Area));
            return new PanopticResult(segmentation, segments);
        }
        catch
        {
            segmentation.Dispose();
            throw;
        }
    }
}
