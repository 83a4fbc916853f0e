using System.Globalization;
using Panoptic.Abstractions.Data;
using Panoptic.Abstractions.Structures;
using Panoptic.Evaluation;
using Panoptic.Evaluation.PanopticQuality;
using Panoptic.Torch;
using static Panoptic.Torch.Torch;

namespace Panoptic.Core.Data.Mapping;

/// <summary>
/// What Panoptic FPN trains on, derived on the fly from a COCO panoptic PNG (no offline conversion):
/// <list type="bullet">
/// <item>instances: one per non-crowd thing segment — its bitmap (the PNG pixels with its id), its tight box
/// (<see cref="MaskBoxes"/>) and its contiguous thing class;</item>
/// <item>the semantic target (detectron2 <c>datasets/prepare_panoptic_fpn.py</c>): stuff segment pixels get their
/// stuff class 1..S (stuff sorted by category id), every thing pixel gets 0, pixels of id 0 (VOID) or of an id the JSON
/// does not list get 255 (ignored); crowd thing pixels get 0 like detectron2, or 255 with
/// <see cref="CrowdSemantics.Ignore"/>.</item>
/// </list>
/// The PNG is relabelled once to segment indices (0 = void), that map goes through the transform steps (nearest
/// neighbour), and both targets are read off the transformed map, so they are aligned with the image by construction.
/// </summary>
internal static class PanopticTargets
{
    /// <summary>Reads the record's PNG and builds its targets at the transformed size.</summary>
    /// <exception cref="DatasetDataException">Missing or corrupt PNG, or a PNG whose size is not the image's.</exception>
    public static (Instances Instances, Tensor Semantic) Build(DatasetRecord record, TransformSteps steps, MapperOptions options)
    {
        var png = record.PanopticSegmentationFile!;
        var imageId = record.ImageId.ToString(CultureInfo.InvariantCulture);
        var (width, height, ids) = ReadIds(png, imageId);
        if (height != record.Height || width != record.Width)
            throw new DatasetDataException(new DatasetProblem(DatasetProblemKind.SizeMismatch, png,
                $"panoptic PNG is {width}x{height} but the image is {record.Width}x{record.Height}", imageId));

        var segments = record.Segments;
        using var scope = NewDisposeScope();
        var indexMap = From(SegmentIndices(ids, segments), height, width);
        var transformed = steps.ApplySegmentation(indexMap);
        var (outHeight, outWidth) = ((int)transformed.Size(0), (int)transformed.Size(1));

        var semantic = SemanticLookup(segments, options).IndexSelect(0, transformed.Flatten()).View(outHeight, outWidth);

        var things = Enumerable.Range(0, segments.Count).Where(k => segments[k].IsThing && !segments[k].IsCrowd).ToList();
        var thingIndices = From(things.Select(k => (long)k + 1).ToArray(), things.Count, 1, 1);
        var masks = transformed.Unsqueeze(0).Eq(thingIndices);
        var boxes = MaskBoxes.FromMasks(masks);
        var classes = From(things.Select(k => (long)segments[k].CategoryId).ToArray(), things.Count);

        var nonEmpty = masks.Any(2).Any(1).Nonzero().Flatten();
        var instances = new Instances(outHeight, outWidth)
            .Set(InstanceFields.GtBoxes, new Boxes(scope.MoveToOuter(boxes.IndexSelect(0, nonEmpty))))
            .Set(InstanceFields.GtClasses, scope.MoveToOuter(classes.IndexSelect(0, nonEmpty)))
            .Set(InstanceFields.GtMasks, new BitMasks(scope.MoveToOuter(masks.IndexSelect(0, nonEmpty))));
        return (instances, scope.MoveToOuter(semantic));
    }

    private static (int Width, int Height, int[] Ids) ReadIds(string png, string imageId)
    {
        try
        {
            return PanopticIds.ReadPng(png);
        }
        catch (EvaluationDataException e)
        {
            throw new DatasetDataException(Coco.ReaderErrors.Problem(DatasetProblemKind.UnreadableFile, png, e, imageId), e);
        }
    }

    /// <summary>Row-major map of segment indices: k + 1 for pixels of <c>segments[k]</c>, 0 for VOID and unlisted ids.</summary>
    public static long[] SegmentIndices(ReadOnlySpan<int> ids, IReadOnlyList<SegmentInfo> segments)
    {
        var lookup = new Dictionary<int, long>(segments.Count);
        for (var k = 0; k < segments.Count; k++)
            lookup[segments[k].Id] = k + 1;
        var map = new long[ids.Length];
        int last = 0;
        long lastIndex = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            if (id != last)
            {
                last = id;
                lastIndex = id == 0 ? 0 : lookup.GetValueOrDefault(id);
            }
            map[i] = lastIndex;
        }
        return map;
    }

    /// <summary>(K + 1) int64 semantic label of each segment index (index 0 = void → ignore).</summary>
    private static Tensor SemanticLookup(IReadOnlyList<SegmentInfo> segments, MapperOptions options)
    {
        var labels = new long[segments.Count + 1];
        labels[0] = options.IgnoreLabel;
        for (var k = 0; k < segments.Count; k++)
        {
            var s = segments[k];
            labels[k + 1] = !s.IsThing ? s.CategoryId
                : s.IsCrowd && options.CrowdSemantics == CrowdSemantics.Ignore ? options.IgnoreLabel
                : Coco.CocoCategoryMap.ThingsSemanticClass;
        }
        return From(labels, labels.Length);
    }
}
