using System.Text.Json;
using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Coco;

/// <summary>An entry of a COCO file's <c>images</c> list.</summary>
public sealed record CocoImageEntry(long Id, string FileName, int Width, int Height);

/// <summary>
/// Reads only the <c>images</c> list of a COCO file (the panoptic reader of Panoptic.Evaluation keeps annotations and
/// categories; file names and sizes of the images come from here). The rest of the file is skipped unparsed.
/// </summary>
public static class CocoImageList
{
    /// <summary>The images, in file order; an entry missing a field is reported and left out.</summary>
    /// <exception cref="DatasetDataException">Missing file or invalid JSON.</exception>
    public static IReadOnlyList<CocoImageEntry> Read(string path, List<DatasetProblem> problems)
    {
        ImageListFile file;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            file = JsonSerializer.Deserialize(stream, CocoJsonContext.Default.ImageListFile) ?? new ImageListFile();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new DatasetDataException(new DatasetProblem(DatasetProblemKind.UnreadableFile, path, e.Message), e);
        }
        var images = new List<CocoImageEntry>(file.Images?.Count ?? 0);
        foreach (var (entry, i) in (file.Images ?? []).Select((e, i) => (e, i)))
        {
            if (entry.Id is not { } id || entry.FileName is not { } name || entry.Width is not { } width || entry.Height is not { } height)
            {
                problems.Add(new DatasetProblem(DatasetProblemKind.UnreadableFile, path, $"images[{i}] lacks one of 'id', 'file_name', 'width', 'height'"));
                continue;
            }
            images.Add(new CocoImageEntry(id, name, width, height));
        }
        return images;
    }
}
