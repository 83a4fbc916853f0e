using System.Globalization;
using Panoptic.Abstractions.Data;
using Panoptic.Torch.Vision;

namespace Panoptic.Core.Data.Validation;

/// <summary>
/// Checks a loaded dataset and reports every inconsistency by file and id (what <c>panoptic data check</c> prints):
/// unique image ids; image files present (decodable and of the annotated size with
/// <see cref="ValidationOptions.DecodeImages"/>); panoptic PNGs against their segments (every PNG id listed and every
/// listed segment present, areas equal to pixel counts); annotations of a known class, with boxes inside the image and
/// masks that decode to the image's size with a consistent area. The problems found while reading come first.
/// Images are checked in parallel; the report lists problems in file order whatever the thread count.
/// </summary>
public static class DatasetValidator
{
    /// <summary>Checks <paramref name="load"/>; <paramref name="source"/> names the annotation file in problems about it.</summary>
    public static DatasetReport Check(DatasetLoad load, string source, ValidationOptions? options = null)
    {
        options ??= new ValidationOptions();
        var records = load.Records;
        var perRecord = new List<DatasetProblem>[records.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, records.Count, parallel, i => perRecord[i] = CheckRecord(records[i], load.Metadata, source, options));

        var problems = new List<DatasetProblem>(load.Problems);
        problems.AddRange(DuplicateImages(records, source));
        foreach (var list in perRecord)
            problems.AddRange(list);
        var objects = records.Sum(r => (long)Math.Max(r.Segments.Count, r.Annotations.Count));
        return new DatasetReport(load.Metadata.Name, source, records.Count, objects, problems, ClassHistogram.Count(records, load.Metadata));
    }

    private static List<DatasetProblem> CheckRecord(DatasetRecord record, DatasetMetadata metadata, string source, ValidationOptions options)
    {
        var problems = new List<DatasetProblem>();
        CheckImage(record, options.DecodeImages, problems);
        if (record.PanopticSegmentationFile is not null)
            PanopticPngCheck.Run(record, problems);
        AnnotationCheck.Run(record, metadata, source, options, problems);
        return problems;
    }

    private static void CheckImage(DatasetRecord record, bool decode, List<DatasetProblem> problems)
    {
        var id = record.ImageId.ToString(CultureInfo.InvariantCulture);
        if (!File.Exists(record.FileName))
        {
            problems.Add(new DatasetProblem(DatasetProblemKind.MissingImage, record.FileName, "image file not found", id));
            return;
        }
        if (!decode)
            return;
        try
        {
            using var image = ImageCodec.Read(record.FileName);
            if (image.Size(0) != record.Height || image.Size(1) != record.Width)
                problems.Add(new DatasetProblem(DatasetProblemKind.SizeMismatch, record.FileName,
                    $"image is {image.Size(1)}x{image.Size(0)} but its annotations say {record.Width}x{record.Height}", id));
        }
        catch (ImageDataException e)
        {
            problems.Add(new DatasetProblem(DatasetProblemKind.UnreadableFile, record.FileName, e.Message, id));
        }
    }

    private static IEnumerable<DatasetProblem> DuplicateImages(IReadOnlyList<DatasetRecord> records, string source) =>
        records.GroupBy(r => r.ImageId).Where(g => g.Count() > 1).Select(g => new DatasetProblem(DatasetProblemKind.DuplicateId, source,
            $"{g.Count()} records share this image id ({string.Join(", ", g.Select(r => Path.GetFileName(r.FileName)))})",
            g.Key.ToString(CultureInfo.InvariantCulture)));
}
