using System.Text.Json;
using Panoptic.Abstractions.Data;

namespace Panoptic.Core.Data.Coco;

/// <summary>Reads a categories file as panopticapi ships it (<c>panoptic_coco_categories.json</c>: a list of <c>{id, name, isthing, …}</c>).</summary>
public static class CocoCategoriesFile
{
    /// <exception cref="DatasetDataException">Missing file, invalid JSON or an entry without id/isthing.</exception>
    public static IReadOnlyList<CocoCategoryInfo> Read(string path)
    {
        List<CategoryEntry> entries;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            entries = JsonSerializer.Deserialize(stream, CocoJsonContext.Default.ListCategoryEntry) ?? [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new DatasetDataException(new DatasetProblem(DatasetProblemKind.UnreadableFile, path, $"{e.Message} (expected a JSON list of {{id, name, isthing}})"), e);
        }
        return entries.Select((e, i) => new CocoCategoryInfo(
            e.Id ?? throw Missing(path, i, "id"),
            e.Name ?? "",
            (e.IsThing ?? throw Missing(path, i, "isthing")) != 0)).ToList();
    }

    private static DatasetDataException Missing(string path, int index, string field) =>
        new(new DatasetProblem(DatasetProblemKind.UnreadableFile, path, $"categories[{index}] has no '{field}'"));
}
