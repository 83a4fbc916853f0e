using System.Globalization;
using Panoptic.Abstractions.Data;
using Panoptic.Evaluation;
using Panoptic.Evaluation.PanopticQuality;

namespace Panoptic.Core.Data.Validation;

/// <summary>
/// Checks a record's panoptic PNG against its segments (panopticapi's <c>pq_compute</c> preconditions and more): the
/// PNG is readable and of the image's size, every listed segment has pixels and exactly its JSON area, and every
/// non-zero id in the PNG is listed.
/// </summary>
internal static class PanopticPngCheck
{
    public static void Run(DatasetRecord record, List<DatasetProblem> problems)
    {
        var png = record.PanopticSegmentationFile!;
        var image = record.ImageId.ToString(CultureInfo.InvariantCulture);
        int width, height;
        int[] ids;
        try
        {
            (width, height, ids) = PanopticIds.ReadPng(png);
        }
        catch (EvaluationDataException e)
        {
            problems.Add(Coco.ReaderErrors.Problem(DatasetProblemKind.UnreadableFile, png, e, image));
            return;
        }
        if (width != record.Width || height != record.Height)
        {
            problems.Add(new DatasetProblem(DatasetProblemKind.SizeMismatch, png, $"PNG is {width}x{height} but the image is {record.Width}x{record.Height}", image));
            return;
        }
        var areas = PixelCounts(ids);
        var listed = new HashSet<int>();
        foreach (var segment in record.Segments)
        {
            listed.Add(segment.Id);
            var pixels = areas.GetValueOrDefault(segment.Id);
            if (pixels == 0)
                problems.Add(new DatasetProblem(DatasetProblemKind.MissingSegment, png, "segment is in segments_info but has no pixel in the PNG", image, segment.Id));
            else if (segment.Area is { } area && Math.Abs(area - pixels) > 0.5)
                problems.Add(new DatasetProblem(DatasetProblemKind.AreaMismatch, png, $"JSON area {area} but the PNG has {pixels} pixels of this segment", image, segment.Id));
        }
        foreach (var (id, pixels) in areas.OrderBy(kv => kv.Key))
        {
            if (id != 0 && !listed.Contains(id))
                problems.Add(new DatasetProblem(DatasetProblemKind.UnlistedSegment, png,
                    $"{pixels} pixels of id {id} (RGB {id & 255},{(id >> 8) & 255},{id >> 16}) that segments_info does not list", image, id));
        }
    }

    private static Dictionary<int, long> PixelCounts(ReadOnlySpan<int> ids)
    {
        var counts = new Dictionary<int, long>();
        var last = ids.Length > 0 ? ids[0] : 0;
        long run = 0;
        foreach (var id in ids)
        {
            if (id != last)
            {
                counts[last] = counts.GetValueOrDefault(last) + run;
                (last, run) = (id, 0);
            }
            run++;
        }
        if (run > 0)
            counts[last] = counts.GetValueOrDefault(last) + run;
        return counts;
    }
}
