using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;

namespace Panoptic.Core.Visualization;

/// <summary>Colours and legend texts of panoptic segments, predicted or ground truth, named through the dataset's metadata.</summary>
public static class PanopticSegmentsToPaint
{
    /// <summary>A prediction's segments: things coloured per instance with "name score", stuff per category.</summary>
    public static IReadOnlyList<PaintedSegment> Of(PanopticResult result, DatasetMetadata? metadata)
    {
        ArgumentNullException.ThrowIfNull(result);
        var names = Names(metadata);
        var list = new List<PaintedSegment>();
        var thing = 0;
        foreach (var s in result.Segments)
        {
            var name = names.TryGetValue(s.CategoryId, out var n) ? n : $"class {s.CategoryId}";
            list.Add(s.IsThing
                ? new PaintedSegment(s.Id, SegmentColours.Instance(thing++), s.Score is { } score ? $"{name} {score:0.00}" : name)
                : new PaintedSegment(s.Id, SegmentColours.Stuff(s.CategoryId), name));
        }
        return list;
    }

    /// <summary>A ground-truth record's segments (contiguous class indices in <see cref="SegmentInfo"/>).</summary>
    public static IReadOnlyList<PaintedSegment> Of(IReadOnlyList<SegmentInfo> segments, DatasetMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(metadata);
        var names = Names(metadata);
        var list = new List<PaintedSegment>();
        var thing = 0;
        foreach (var s in segments)
        {
            var id = s.IsThing ? metadata.ThingDatasetId(s.CategoryId) : metadata.StuffDatasetId(s.CategoryId);
            var name = names.TryGetValue(id, out var n) ? n : $"class {id}";
            list.Add(s.IsThing
                ? new PaintedSegment(s.Id, SegmentColours.Instance(thing++), s.IsCrowd ? name + " (crowd)" : name)
                : new PaintedSegment(s.Id, SegmentColours.Stuff(id), name));
        }
        return list;
    }

    private static Dictionary<int, string> Names(DatasetMetadata? metadata)
    {
        var names = new Dictionary<int, string>();
        foreach (var c in metadata?.PanopticCategories() ?? [])
            names.TryAdd(c.Id, c.Name);
        return names;
    }
}
