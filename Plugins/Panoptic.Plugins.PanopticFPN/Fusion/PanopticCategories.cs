using Panoptic.Abstractions.Data;

namespace Panoptic.Plugins.PanopticFPN.Fusion;

/// <summary>
/// Contiguous classes of a panoptic prediction back to the dataset's category ids: thing index 0..T-1 through
/// <see cref="DatasetMetadata.ThingDatasetIds"/>, stuff label 1..S through <see cref="DatasetMetadata.StuffDatasetIds"/>
/// (detectron2's <c>thing_dataset_id_to_contiguous_id</c> / <c>stuff_dataset_id_to_contiguous_id</c> inverted).
/// An empty map (or no metadata) leaves that kind's indices as they are.
/// </summary>
public sealed class PanopticCategories
{
    private readonly IReadOnlyDictionary<int, int> _things;
    private readonly IReadOnlyDictionary<int, int> _stuff;
    private readonly string _source;

    /// <param name="things">Thing index → dataset id; empty for the identity.</param>
    /// <param name="stuff">Stuff label → dataset id; empty for the identity.</param>
    /// <param name="source">Where the maps come from, for messages.</param>
    public PanopticCategories(IReadOnlyDictionary<int, int> things, IReadOnlyDictionary<int, int> stuff, string source = "the given maps")
    {
        (_things, _stuff, _source) = (things, stuff, source);
    }

    /// <summary>Leaves every index as it is.</summary>
    public static PanopticCategories Identity { get; } = new(new Dictionary<int, int>(), new Dictionary<int, int>(), "identity");

    /// <summary>The maps of <paramref name="metadata"/>; <see cref="Identity"/> when null.</summary>
    public static PanopticCategories From(DatasetMetadata? metadata) =>
        metadata is null ? Identity : new(metadata.ThingDatasetIds, metadata.StuffDatasetIds, $"the metadata of '{metadata.Name}'");

    /// <summary>Dataset id of thing class <paramref name="index"/>.</summary>
    /// <exception cref="KeyNotFoundException">The map is not empty and lacks the index.</exception>
    public int Thing(int index) => Map(_things, index, "thing class");

    /// <summary>Dataset id of stuff label <paramref name="label"/> (1..S).</summary>
    /// <exception cref="KeyNotFoundException">The map is not empty and lacks the label.</exception>
    public int Stuff(int label) => Map(_stuff, label, "stuff label");

    private int Map(IReadOnlyDictionary<int, int> map, int index, string what)
    {
        if (map.Count == 0)
            return index;
        return map.TryGetValue(index, out var id)
            ? id
            : throw new KeyNotFoundException(
                $"{what} {index} has no dataset category id in {_source} (it maps {string.Join(", ", Ranges(map.Keys))}); does the model's class count match the dataset's?");
    }

    private static IEnumerable<string> Ranges(IEnumerable<int> keys)
    {
        var sorted = keys.Order().ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
                j++;
            yield return i == j ? $"{sorted[i]}" : $"{sorted[i]}..{sorted[j]}";
            i = j + 1;
        }
    }
}
